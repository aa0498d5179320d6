import type { TEmailKind } from "./email-kinds";
import type { EmailTemplateName } from "./email-templates";

/**
 * The kind each template's mail belongs to, which the recipient can switch off
 * (lib/mail/wants-email.ts checks it). A template not named here is account or security mail
 * (a reset link, an address to verify, an export the user asked for): always sent, with no
 * List-Unsubscribe.
 */
export const TEMPLATE_EMAIL_KIND: Partial<Record<EmailTemplateName, TEmailKind>> = {
  "payment-receipt": "receipts",
  "payment-received": "payments_received",
  "payout-sent": "payouts",
  "payout-failed": "payouts",
  "new-follower": "new_follower",
};

export function templateEmailKind(template: EmailTemplateName): TEmailKind | null {
  return TEMPLATE_EMAIL_KIND[template] ?? null;
}
