import "server-only";
import { z } from "zod";
import { formatMoney } from "@/lib/payments/format-money";
import { APP_NAME, publicUrl } from "../public-url";
import { kindFooter } from "./kind-footer";
import { renderLayout, type RenderedEmail } from "./layout";

const ZDataSchema = z.object({
  userId: z.string().min(1),
  paymentId: z.string().min(1),
  paymentKind: z.enum(["tip", "post_purchase"]),
  amount: z.coerce.number().int().positive(),
  currency: z.string().min(3),
  creatorName: z.string().min(1),
  postId: z.string().optional(),
  postExcerpt: z.string().optional(),
});

/** The buyer's receipt for a captured payment (a tip or a post bought). */
export function paymentReceiptEmail(data: Record<string, string>): RenderedEmail {
  const d = ZDataSchema.parse(data);
  const amount = formatMoney(d.amount, d.currency);
  const tip = d.paymentKind === "tip";
  const what = tip
    ? `A tip to ${d.creatorName}`
    : `The post ${d.postExcerpt ? `“${d.postExcerpt}” ` : ""}by ${d.creatorName}`;
  const site = publicUrl();
  const action =
    !tip && d.postId
      ? { label: "Read the post", url: `${site}/p/${d.postId}` }
      : { label: "See your purchases", url: `${site}/purchases` };
  return renderLayout({
    subject: tip
      ? `Receipt: your ${amount} tip to ${d.creatorName}`
      : `Receipt: you bought a post by ${d.creatorName} for ${amount}`,
    paragraphs: [
      `Thank you for supporting ${d.creatorName} on ${APP_NAME}. This is your receipt.`,
      `What: ${what}`,
      `Amount: ${amount}`,
      `Total charged: ${amount}. No fees were added: ${APP_NAME}'s fee comes out of the creator's share.`,
      `Paid with PayPal. Payment reference: ${d.paymentId}`,
    ],
    action,
    ...kindFooter(d.userId, "receipts"),
  });
}
