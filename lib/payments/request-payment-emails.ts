import "server-only";
import type { Tx } from "@/lib/db";
import { requestUserEmail } from "@/lib/mail/request-user-email";

/** What a capture knows of its payment: apply-capture.ts records it and mails about it. */
export type CapturedPayment = {
  id: string;
  kind: "tip" | "post_purchase";
  buyerId: string;
  creatorId: string;
  postId: string | null;
  amount: number;
  currency: string;
  fee: number;
};

const EXCERPT_LENGTH = 80;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/**
 * The mail a captured payment causes, asked for in the capture's transaction (apply-capture.ts):
 * the buyer's receipt and the creator's "you were tipped / you sold a post". Keyed by the
 * payment, so a capture replayed (a webhook and the buyer's return both landing, a retried
 * step) mails each of them once. Names and the post's excerpt are read now, as they were when
 * the money moved.
 */
export async function requestPaymentEmails(tx: Tx, payment: CapturedPayment): Promise<void> {
  const people = await tx.user.findMany({
    where: { id: { in: [payment.buyerId, payment.creatorId] }, deletedAt: null },
    select: { id: true, username: true, displayName: true },
  });
  const nameOf = (id: string) => {
    const person = people.find((p) => p.id === id);
    return person ? `${person.displayName} (@${person.username})` : undefined;
  };
  const post = payment.postId
    ? await tx.post.findUnique({ where: { id: payment.postId }, select: { text: true } })
    : null;
  const postExcerpt = post?.text ? excerpt(post.text) : undefined;
  const common = {
    paymentKind: payment.kind,
    amount: String(payment.amount),
    currency: payment.currency,
    ...(postExcerpt ? { postExcerpt } : {}),
  };
  const buyerName = nameOf(payment.buyerId);

  await requestUserEmail(tx, {
    userId: payment.buyerId,
    template: "payment-receipt",
    data: {
      ...common,
      paymentId: payment.id,
      creatorName: nameOf(payment.creatorId) ?? "a creator",
      ...(post && payment.postId ? { postId: payment.postId } : {}),
    },
    dedupeKey: `receipt:${payment.id}`,
  });
  await requestUserEmail(tx, {
    userId: payment.creatorId,
    template: "payment-received",
    data: { ...common, fee: String(payment.fee), ...(buyerName ? { buyerName } : {}) },
    dedupeKey: `payment-received:${payment.id}`,
  });
}
