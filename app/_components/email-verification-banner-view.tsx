"use client";

import Link from "next/link";
import { resendVerificationAction } from "@/app/settings/account/email-actions";
import { useCurrentUser } from "@/client/hooks/use-current-user";

type Status = { email: string; verified: boolean };

/**
 * The banner itself. `initial` is what the server saw when it rendered the page (all there is
 * without scripts); with scripts the signed-in user's data takes over once known, so the banner
 * shows right after signing up (a client-side navigation, which keeps the server-rendered
 * shell) and goes once the address is confirmed, in this tab or another.
 */
export function EmailVerificationBannerView({
  initial,
  mailOff,
}: {
  initial: Status | null;
  mailOff: boolean;
}) {
  const { user } = useCurrentUser();
  const status: Status | null =
    user === undefined ? initial : user && { email: user.email, verified: user.emailVerified };
  if (!status || status.verified) return null;

  return (
    <aside
      aria-label="Confirm your email address"
      className="border-b border-amber-200 bg-amber-50 text-amber-950"
    >
      <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5 text-sm">
        {mailOff ? (
          <p className="min-w-0 flex-1">
            <strong>Your email address isn&apos;t confirmed</strong>, and this server can&apos;t
            send email right now (mail is unavailable), so withdrawals are on hold. Ask its
            administrator.
          </p>
        ) : (
          <>
            <p className="min-w-0 flex-1">
              <strong>Confirm your email address</strong>: open the link we sent to{" "}
              <span className="break-all">{status.email}</span>. You can withdraw earnings once
              it&apos;s confirmed.{" "}
              <Link href="/settings/account#email" className="underline underline-offset-2">
                Wrong address?
              </Link>
            </p>
            {/* A plain form posting to a server action: it works before (or without) scripts. */}
            <form action={resendVerificationAction}>
              <button
                type="submit"
                className="min-h-9 rounded-full border border-amber-300 bg-white px-3 font-semibold text-amber-950 hover:bg-amber-100"
              >
                Resend
              </button>
            </form>
          </>
        )}
      </div>
    </aside>
  );
}
