import type { Metadata } from "next";
import Link from "next/link";
import { FormNotice } from "@/components/account/form-notice";
import { FormField } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { confirmPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password" };

// The same words as the API's invalid_reset_token messages (lib/auth/confirm-password-reset.ts).
const ERRORS: Record<string, string> = {
  weak_password:
    "Choose a password of at least 10 characters that mixes letters with digits or symbols and isn't a common one.",
  unknown: "This password reset link is not valid. Ask for a new one.",
  used: "This password reset link was already used. Ask for a new one.",
  expired: "This password reset link has expired (links work for 1 hour). Ask for a new one.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const error = typeof params.error === "string" ? ERRORS[params.error] : undefined;
  const spent = params.error === "used" || params.error === "expired" || params.error === "unknown";

  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Choose a new password</h1>
        <p className="text-stone-600">Setting it signs you out on every device.</p>
      </div>
      <div className="space-y-5 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        {!token ? (
          <FormNotice kind="error">
            This link is incomplete. Open the link from the email again, or ask for a new one.
          </FormNotice>
        ) : spent ? (
          <FormNotice kind="error">{error!}</FormNotice>
        ) : (
          <form action={confirmPasswordResetAction} className="space-y-5">
            {error ? <FormNotice kind="error">{error}</FormNotice> : null}
            <input type="hidden" name="token" value={token} />
            <FormField
              label="New password"
              name="password"
              hint="At least 10 characters, mixing letters with digits or symbols."
            >
              {(control) => (
                <input {...control} type="password" autoComplete="new-password" required />
              )}
            </FormField>
            <button type="submit" className={buttonClassName({ className: "w-full" })}>
              Set new password
            </button>
          </form>
        )}
      </div>
      <p className="text-center text-sm text-stone-700">
        <Link
          href="/forgot-password"
          className="font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          Ask for a new link
        </Link>
      </p>
    </div>
  );
}
