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
});

/** A creator's payout reached their PayPal account. */
export function payoutSentEmail(data: Record<string, string>): RenderedEmail {
  const d = ZDataSchema.parse(data);
  const amount = formatMoney(d.amount, d.currency);
  return renderLayout({
    subject: `Your payout of ${amount} was sent`,
    paragraphs: [
      `We sent ${amount} to the PayPal account ${d.paypalEmail}.`,
      "PayPal may take a moment to show it in your PayPal balance.",
    ],
    action: { label: "See your earnings", url: `${publicUrl()}/earnings` },
    ...kindFooter(d.userId, "payouts"),
  });
}
