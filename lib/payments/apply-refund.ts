import "server-only";
import type { Tx } from "@/lib/db";
import { log } from "@/lib/log";
import { appendLedger } from "./append-ledger";
import { fromDecimalString } from "./money";

type Resource = Record<string, unknown>;

/** The creator's share of the fee given back once `refunded` of `amount` is refunded in all. */
function feeBackFor(fee: number, amount: number, refunded: number): number {
  // Rounded half up as the fee was, and cumulative, so that partial refunds add up to the whole
  // fee exactly when the whole payment is refunded.
  return Math.floor((fee * refunded + Math.floor(amount / 2)) / amount);
}

/**
 * Records one PayPal refund (the resource of PAYMENT.CAPTURE.REFUNDED), once per PayPal refund
 * id whatever event id carried it: the Refund row is keyed by that id and written in the same
 * transaction as its effects, so a redelivery under a new event id finds it and changes nothing.
 * Payment.refundedAmount becomes the sum of the payment's refunds and the ledger takes back the
 * same gross. Answers whether this call recorded the refund.
 */
export async function applyRefund(tx: Tx, resource: Resource): Promise<boolean> {
  // The resource is the refund; its "up" link names the capture it refunds.
  const up = (resource.links as Array<{ rel?: string; href?: string }> | undefined)?.find(
    (l) => l.rel === "up",
  )?.href;
  const captureId = up?.split("/").pop();
  const refundId = typeof resource.id === "string" && resource.id ? resource.id : null;
  const payment = captureId
    ? await tx.payment.findUnique({ where: { paypalCaptureId: captureId } })
    : null;
  const amount = resource.amount as { value?: string; currency_code?: string } | undefined;
  const refunded = fromDecimalString(amount?.value ?? "", payment?.currency ?? "USD");
  if (!payment || !refundId || refunded === null || amount?.currency_code !== payment.currency) {
    log.warn("refund webhook for an unknown capture", { captureId, refundId });
    return false;
  }
  if (payment.status !== "captured" && payment.status !== "refunded") return false;

  // Locks the payment row first, so concurrent refunds of one payment add up one after another.
  const [locked] = await tx.$queryRaw<Array<{ refundedAmount: number }>>`
    SELECT "refundedAmount" FROM "Payment" WHERE "id" = ${payment.id} FOR UPDATE`;
  const before = locked?.refundedAmount ?? payment.refundedAmount;
  // PayPal never refunds more than was captured; if a resource claims to, only the rest counts.
  const gross = Math.min(refunded, payment.amount - before);
  if (gross < refunded) {
    log.error("refund exceeds what is left of the payment", { paymentId: payment.id, refundId });
  }
  const [fresh] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Refund" ("id", "paypalRefundId", "paymentId", "amount", "createdAt")
    VALUES (gen_random_uuid()::text, ${refundId}, ${payment.id}, ${Math.max(gross, 0)}, now())
    ON CONFLICT ("paypalRefundId") DO NOTHING
    RETURNING "id"`;
  if (!fresh || gross <= 0) return false;

  const total = before + gross;
  await tx.payment.update({
    where: { id: payment.id },
    data: { refundedAmount: total, status: total >= payment.amount ? "refunded" : "captured" },
  });
  const feeBack =
    feeBackFor(payment.fee, payment.amount, total) -
    feeBackFor(payment.fee, payment.amount, before);
  const base = { creatorId: payment.creatorId, currency: payment.currency, paymentId: payment.id };
  await appendLedger(tx, [
    { ...base, kind: "refund", amount: -gross, idempotencyKey: `refund:${refundId}:gross` },
    { ...base, kind: "fee_refund", amount: feeBack, idempotencyKey: `refund:${refundId}:fee` },
  ]);
  return true;
}
