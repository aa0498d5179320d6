import type { Metadata } from "next";
import Link from "next/link";
import { FormNotice } from "@/components/account/form-notice";
import { FormField } from "@/components/forms/form-field";
import { buttonClassName } from "@/components/ui/button";
import { PASSWORD_RESET_ACCEPTED } from "@/lib/auth/auth.types";
import { mailMode } from "@/lib/mail/mail-mode";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

const MAIL_UNAVAILABLE =
  "This server can't send email, so a password can't be reset here. Ask the site's administrator.";

const ERRORS: Record<string, string> = {
  invalid_email: "Enter the email address you signed up with.",
  rate_limited: "Too many reset requests. Wait a while, then try again.",
  mail_unavailable: MAIL_UNAVAILABLE,
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ForgotPasswordPage({ searchParams }: Props) {
  const params = await searchParams;
  const error = typeof params.error === "string" ? ERRORS[params.error] : undefined;
  const sent = params.sent === "1";
  const mailOff = mailMode() === "off";

  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Forgot your password?</h1>
        <p className="text-stone-600">We&apos;ll email you a link to choose a new one.</p>
      </div>
      <div className="space-y-5 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        {mailOff ? (
          <FormNotice kind="error">{MAIL_UNAVAILABLE}</FormNotice>
        ) : (
          <form action={requestPasswordResetAction} className="space-y-5">
            {error ? <FormNotice kind="error">{error}</FormNotice> : null}
            {sent ? <FormNotice kind="status">{PASSWORD_RESET_ACCEPTED}</FormNotice> : null}
            <FormField label="Email" name="email">
              {(control) => <input {...control} type="email" autoComplete="email" required />}
            </FormField>
            <button type="submit" className={buttonClassName({ className: "w-full" })}>
              Send reset link
            </button>
          </form>
        )}
      </div>
      <p className="text-center text-sm text-stone-700">
        Remembered it?{" "}
        <Link
          href="/signin"
          className="font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
