import Link from "next/link";
import { resendVerificationAction } from "@/app/settings/account/email-actions";
import { loadViewer } from "@/app/_lib/load-viewer";
import { mailMode } from "@/lib/mail/mail-mode";
import { getEmailStatus } from "@/lib/users/get-email-status";

/**
 * Under the header for a signed-in account whose address isn't confirmed yet, on every page,
 * until it is: it can't withdraw until then. The resend button is a form posting to a server
 * action, so it works without scripts. Signed out or confirmed, it renders nothing (and a signed-
 * out page costs no query: loadViewer finds no session cookie).
 */
export async function EmailVerificationBanner() {
  const viewer = await loadViewer();
  if (!viewer) return null;
  const status = await getEmailStatus(viewer.userId);
  if (!status || status.verified) return null;
  const mailOff = mailMode() === "off";

  return (
    <aside
      aria-label="Confirm your email address"
      data-testid="email-verification-banner"
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
