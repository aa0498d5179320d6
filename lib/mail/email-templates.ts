// The templates mail can be requested with (lib/mail/templates): the email.requested event's
// schema accepts these names only. No server-only: lib/events/event-schemas.ts imports it.
export const EMAIL_TEMPLATES = [
  "password-reset",
  "verify-email",
  "confirm-email-change",
  "email-change-requested",
  "payment-receipt",
  "payment-received",
  "payout-sent",
  "payout-failed",
  "export-ready",
  "new-follower",
] as const;

export type EmailTemplateName = (typeof EMAIL_TEMPLATES)[number];
