import "server-only";
import { db } from "@/lib/db";
import type { EventData } from "@/lib/events/event-schemas";
import { createNotifications } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

type Payment = EventData<"payment.completed">;

/** The post a payment names, when it still exists (the notification links to it). */
async function existingPostId(postId: string | null): Promise<string | null> {
  if (!postId) return null;
  const post = await db.post.findUnique({ where: { id: postId }, select: { id: true } });
  return post?.id ?? null;
}

function paymentData(payment: Payment) {
  return {
    paymentId: payment.paymentId,
    paymentKind: payment.kind,
    amount: payment.amount,
    currency: payment.currency,
  };
}

/** payment.completed: tells the creator they were paid (a tip or a post bought). */
export async function notifyPaymentReceived(payment: Payment): Promise<number> {
  const people = await db.user.findMany({
    where: { id: { in: [payment.creatorId, payment.buyerId] } },
    select: { id: true },
  });
  const ids = new Set(people.map((p) => p.id));
  if (!ids.has(payment.creatorId)) return 0;
  return createNotifications([
    {
      recipientId: payment.creatorId,
      kind: "payment_received",
      // A buyer who deleted their account since: the creator is still told, without a name.
      actorId: ids.has(payment.buyerId) ? payment.buyerId : null,
      postId: await existingPostId(payment.postId),
      data: paymentData(payment),
      dedupeKey: dedupeKey.paymentReceived(payment.paymentId),
    },
  ]);
}

/** payment.completed: the buyer's receipt. Receipts can't be muted. */
export async function sendPurchaseReceipt(payment: Payment): Promise<number> {
  const people = await db.user.findMany({
    where: { id: { in: [payment.creatorId, payment.buyerId] } },
    select: { id: true },
  });
  const ids = new Set(people.map((p) => p.id));
  if (!ids.has(payment.buyerId)) return 0;
  return createNotifications([
    {
      recipientId: payment.buyerId,
      kind: "purchase_receipt",
      // The receipt names who was paid: the creator is its "actor".
      actorId: ids.has(payment.creatorId) ? payment.creatorId : null,
      postId: await existingPostId(payment.postId),
      data: paymentData(payment),
      dedupeKey: dedupeKey.purchaseReceipt(payment.paymentId),
    },
  ]);
}
