import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { requestOrigin } from "@/app/_lib/request-origin";
import { FormNotice } from "@/components/account/form-notice";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), await requestOrigin());
  if (await loadViewer()) redirect(callbackUrl);

  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Sign in to Grover</h1>
        <p className="text-stone-600">Welcome back.</p>
      </div>
      {first(params.reset) === "1" ? (
        <FormNotice kind="status">
          Your password is changed and every session signed out. Sign in with the new one.
        </FormNotice>
      ) : null}
      <div className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        <SignInForm callbackUrl={callbackUrl} initialError={first(params.error) ?? null} />
        <p className="text-center text-sm">
          <Link
            href="/forgot-password"
            className="font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            Forgot password?
          </Link>
        </p>
      </div>
      <p className="text-center text-sm text-stone-700">
        New to Grover?{" "}
        <Link
          href="/signup"
          className="font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
