import type { Metadata } from "next";
import Link from "next/link";
import { loadViewer } from "@/app/_lib/load-viewer";
import { FormNotice } from "@/components/account/form-notice";
import { buttonClassName } from "@/components/ui/button";
import { getEmailStatus } from "@/lib/users/get-email-status";

export const metadata: Metadata = { title: "Confirm your email" };

// The outcomes of GET /verify-email (its route.ts); the failures say the same as the API's
// invalid_verification_token messages (lib/auth/confirm-email-verification.ts).
const OUTCOMES: Record<string, { ok: boolean; heading: string; text: string }> = {
  verified: {
    ok: true,
    heading: "Your email address is confirmed",
    text: "Thanks! You can withdraw your earnings now.",
  },
  changed: {
    ok: true,
    heading: "Your email address is changed",
    text: "From now on, sign in and get mail at your new address. It is confirmed.",
  },
  unknown: {
    ok: false,
    heading: "This link doesn't work",
    text: "This confirmation link is not valid. Ask for a new one.",
  },
  used: {
    ok: false,
    heading: "This link doesn't work",
    text: "This confirmation link was already used, or a newer one was sent. Ask for a new one.",
  },
  expired: {
    ok: false,
    heading: "This link has expired",
    text: "This confirmation link has expired (links work for 24 hours). Ask for a new one.",
  },
  taken: {
    ok: false,
    heading: "That address is taken",
    text: "Another account started using that email address in the meantime, so yours was not changed.",
  },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyEmailResultPage({ searchParams }: Props) {
  const { status } = await searchParams;
  const outcome = OUTCOMES[typeof status === "string" ? status : ""] ?? OUTCOMES.unknown!;
  const viewer = await loadViewer();
  const current = viewer ? await getEmailStatus(viewer.userId) : null;

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{outcome.heading}</h1>
      <div className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
        <FormNotice kind={outcome.ok ? "status" : "error"}>{outcome.text}</FormNotice>
        {current ? (
          <p className="text-sm text-stone-700">
            Your account&apos;s email address: <strong>{current.email}</strong>
            {current.verified ? " (confirmed)" : " (not confirmed yet)"}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Link href="/" className={buttonClassName()}>
            Go to Grover
          </Link>
          {outcome.ok ? null : (
            <Link
              href={
                viewer ? "/settings/account#email" : "/signin?callbackUrl=%2Fsettings%2Faccount"
              }
              className={buttonClassName({ variant: "secondary" })}
            >
              {viewer ? "Send a new link" : "Sign in to get a new link"}
            </Link>
          )}
        </div>
      </div>
    </div>
  );
}
