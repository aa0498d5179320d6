import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadViewer } from "@/app/_lib/load-viewer";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  const viewer = await loadViewer();
  if (viewer) redirect(`/u/${viewer.username}`);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Create your account</h1>
        <p className="text-stone-600">Follow creators you love and share what you make.</p>
      </div>
      <div className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        <SignUpForm />
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
