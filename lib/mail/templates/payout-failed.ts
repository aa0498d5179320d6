import "server-only";
import { z } from "zod";
import { formatMoney } from "@/lib/payments/format-money";
import { publicUrl } from "../public-url";
import { kindFooter } from "./kind-footer";
import { renderLayout, type RenderedEmail } from "./layout";

const ZDataSchema = z.object({
  userId: z.string().min(1),
  amount: z.coerce.number().int().positive(),
  currency: z.string().min(3),
  paypalEmail: z.string().min(1),
  reason: z.string().min(1),
});

/** A creator's payout failed: why, and that the money is back in their balance. */
export function payoutFailedEmail(data: Record<string, string>): RenderedEmail {
  const d = ZDataSchema.parse(data);
  const amount = formatMoney(d.amount, d.currency);
  return renderLayout({
    subject: `Your payout of ${amount} failed`,
    paragraphs: [
      `Your payout of ${amount} to the PayPal account ${d.paypalEmail} did not go through.`,
      `PayPal's reason: ${d.reason}`,
      `The ${amount} is back in your balance. Check the PayPal address and ask for the payout again.`,
    ],
    action: { label: "See your earnings", url: `${publicUrl()}/earnings` },
    ...kindFooter(d.userId, "payouts"),
  });
}
