import "server-only";
import type { EmailTemplateName } from "./email-templates";
import type { RenderedEmail } from "./templates/layout";
import { confirmEmailChangeEmail } from "./templates/confirm-email-change";
import { emailChangeRequestedEmail } from "./templates/email-change-requested";
import { exportReadyEmail } from "./templates/export-ready";
import { newFollowerEmail } from "./templates/new-follower";
import { passwordResetEmail } from "./templates/password-reset";
import { paymentReceiptEmail } from "./templates/payment-receipt";
import { paymentReceivedEmail } from "./templates/payment-received";
import { payoutFailedEmail } from "./templates/payout-failed";
import { payoutSentEmail } from "./templates/payout-sent";
import { verifyEmailEmail } from "./templates/verify-email";

const TEMPLATES: Record<EmailTemplateName, (data: Record<string, string>) => RenderedEmail> = {
  "password-reset": passwordResetEmail,
  "verify-email": verifyEmailEmail,
  "confirm-email-change": confirmEmailChangeEmail,
  "email-change-requested": emailChangeRequestedEmail,
  "payment-receipt": paymentReceiptEmail,
  "payment-received": paymentReceivedEmail,
  "payout-sent": payoutSentEmail,
  "payout-failed": payoutFailedEmail,
  "export-ready": exportReadyEmail,
  "new-follower": newFollowerEmail,
};

/** A requested mail's subject, text and HTML, rendered when it is sent (not when requested). */
export function renderEmail(template: EmailTemplateName, data: Record<string, string>) {
  return TEMPLATES[template](data);
}
