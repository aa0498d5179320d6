import "server-only";
import { z } from "zod";
import { formatMoney } from "@/lib/payments/format-money";
import { APP_NAME, publicUrl } from "../public-url";
import { kindFooter } from "./kind-footer";
import { renderLayout, type RenderedEmail } from "./layout";

const ZDataSchema = z.object({
  userId: z.string().min(1),
  paymentKind: z.enum(["tip", "post_purchase"]),
  amount: z.coerce.number().int().positive(),
  fee: z.coerce.number().int().nonnegative(),
  currency: z.string().min(3),
  /** Absent when the buyer's account is gone. */
  buyerName: z.string().optional(),
  postExcerpt: z.string().optional(),
});

/** The creator's "you were tipped" / "you sold a post", with what they keep after the fee. */
export function paymentReceivedEmail(data: Record<string, string>): RenderedEmail {
  const d = ZDataSchema.parse(data);
  const amount = formatMoney(d.amount, d.currency);
  const who = d.buyerName ?? "Someone";
  const post = d.postExcerpt ? `your post “${d.postExcerpt}”` : "your post";
  return renderLayout({
    subject:
      d.paymentKind === "tip"
        ? `${who} tipped you ${amount}`
        : `${who} bought ${d.postExcerpt ? "your post" : "a post of yours"} for ${amount}`,
    paragraphs: [
      d.paymentKind === "tip"
        ? `You were tipped ${amount} by ${who}.`
        : `You sold ${post} to ${who} for ${amount}.`,
      `After ${APP_NAME}'s fee of ${formatMoney(d.fee, d.currency)}, ${formatMoney(
        d.amount - d.fee,
        d.currency,
      )} is added to your balance, ready to be paid out.`,
    ],
    action: { label: "See your earnings", url: `${publicUrl()}/earnings` },
    ...kindFooter(d.userId, "payments_received"),
  });
}
