import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { signUpErrorMessage } from "./sign-up-errors";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignUpPage({ searchParams }: Props) {
  const viewer = await loadViewer();
  if (viewer) redirect(`/u/${viewer.username}`);
  // Set by the no-script sign-up action when the API refused the account.
  const params = await searchParams;
  const error = first(params.error);
  const initialError = error ? signUpErrorMessage(error, first(params.field)) : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Create your account</h1>
        <p className="text-stone-600">Follow creators you love and share what you make.</p>
      </div>
      <div className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        <SignUpForm initialError={initialError} />
      </div>
      <p className="text-center text-sm text-stone-700">
        Already have an account?{" "}
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
