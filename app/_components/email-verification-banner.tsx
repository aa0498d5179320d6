import { loadViewer } from "@/app/_lib/load-viewer";
import { mailMode } from "@/lib/mail/mail-mode";
import { getEmailStatus } from "@/lib/users/get-email-status";
import { EmailVerificationBannerView } from "./email-verification-banner-view";

/**
 * Under the header for a signed-in account whose address isn't confirmed yet, on every page,
 * until it is: it can't withdraw until then. Rendered on the server, so it shows (and its
 * Resend works) without scripts; a signed-out page costs no query (loadViewer finds no session
 * cookie), a signed-in one a lookup by primary key.
 */
export async function EmailVerificationBanner() {
  const viewer = await loadViewer();
  const status = viewer ? await getEmailStatus(viewer.userId) : null;
  return (
    <EmailVerificationBannerView
      initial={status && { email: status.email, verified: status.verified }}
      mailOff={mailMode() === "off"}
    />
  );
}
