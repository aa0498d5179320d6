import "server-only";
import type { TEmailKind } from "../email-kinds";
import { publicUrl } from "../public-url";
import { unsubscribeUrl } from "../unsubscribe-token";

/** Where the email settings are: next to the in-app ones, on the notifications page. */
export function emailSettingsUrl(): string {
  return `${publicUrl()}/notifications#email-settings`;
}

const WHY: Record<TEmailKind, string> = {
  receipts: "You get this email for every payment you make on Grover.",
  payments_received: "You get this email when someone tips you or buys one of your posts.",
  payouts: "You get this email when one of your payouts is sent or fails.",
  new_follower: "You get this email because you switched on mail about new followers.",
};

/**
 * What every mail of a kind the reader can switch off ends with: why they got it, where the
 * email settings are, and (in the layout) the one-click unsubscribe link for this kind.
 */
export function kindFooter(userId: string, kind: TEmailKind) {
  return {
    footnote: `${WHY[kind]} Choose which emails you get: ${emailSettingsUrl()}`,
    unsubscribeUrl: unsubscribeUrl(userId, kind),
  };
}
