import "server-only";
import type { Tx } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish-event";
import { log } from "@/lib/log";
import { appendLedger } from "./append-ledger";
import { requestPaymentEmails, type CapturedPayment } from "./request-payment-emails";

/**
 * Records a completed capture, once: the status moves to captured only from created/approved (a
 * concurrent or repeated call finds it moved and does nothing), and in the same transaction the
 * creator is credited (the gross, then the fee as its own debit), and payment.completed and the
 * receipt and "you were paid" mail go into the outbox. Answers whether this call was the one
 * that recorded it.
 */
export async function applyCapture(
  tx: Tx,
  payment: CapturedPayment,
  captureId: string,
): Promise<boolean> {
  if (payment.kind === "post_purchase" && payment.postId !== null) {
    // Execute claims (buyer, post) before capturing, so this is only reachable for an order
    // captured outside that claim (one left over from before it). Payment_one_purchase_key
    // would refuse the row anyway; saying so here keeps it from failing every retry silently.
    const bought = await tx.payment.findFirst({
      where: {
        buyerId: payment.buyerId,
        postId: payment.postId,
        kind: "post_purchase",
        status: "captured",
        id: { not: payment.id },
      },
      select: { id: true },
    });
    if (bought) {
      log.error("PayPal captured a second purchase of a post already bought: refund it", {
        paymentId: payment.id,
        captureId,
        boughtWith: bought.id,
      });
      return false;
    }
  }
  const moved = await tx.payment.updateMany({
    where: { id: payment.id, status: { in: ["created", "approved"] } },
    data: { status: "captured", paypalCaptureId: captureId, capturedAt: new Date() },
  });
  if (moved.count === 0) return false;

  const base = { creatorId: payment.creatorId, currency: payment.currency, paymentId: payment.id };
  await appendLedger(tx, [
    {
      ...base,
      kind: payment.kind === "tip" ? "tip" : "sale",
      amount: payment.amount,
      idempotencyKey: `payment:${payment.id}:gross`,
    },
    { ...base, kind: "fee", amount: -payment.fee, idempotencyKey: `payment:${payment.id}:fee` },
  ]);
  await requestPaymentEmails(tx, payment);
  // A post deleted since the order was made: the money is still credited, the event (whose
  // schema wants the post) is skipped rather than failing the capture.
  if (payment.kind === "post_purchase" && payment.postId === null) return true;
  await publishEvent(tx, "payment.completed", {
    paymentId: payment.id,
    kind: payment.kind,
    buyerId: payment.buyerId,
    creatorId: payment.creatorId,
    postId: payment.postId,
    amount: payment.amount,
    currency: payment.currency,
  });
  return true;
}
