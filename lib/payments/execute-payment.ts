import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { applyCapture } from "./apply-capture";
import { fromDecimalString } from "./money";
import type { TPayment } from "./payments.types";
import {
  captureOrder,
  getOrder,
  PayPalCallError,
  providerUnavailable,
  type PayPalOrder,
} from "./paypal/paypal-client";
import { PAYMENT_SELECT, toPayment } from "./to-payment";

type Payment = Awaited<ReturnType<typeof findPayment>>;

async function findPayment(orderId: string) {
  return db.payment.findUnique({
    where: { paypalOrderId: orderId },
    select: {
      id: true,
      kind: true,
      status: true,
      buyerId: true,
      creatorId: true,
      postId: true,
      amount: true,
      currency: true,
      fee: true,
      payeeMerchantId: true,
      captureAttemptedAt: true,
    },
  });
}

/** The order's capture, once its amount, currency, payee and our reference match the payment. */
function completedCapture(order: PayPalOrder, payment: NonNullable<Payment>) {
  if (order.status !== "COMPLETED") return null;
  const unit = order.purchase_units?.[0];
  const capture = unit?.payments?.captures?.[0];
  if (!unit || !capture) return null;
  const problems: string[] = [];
  if (unit.custom_id !== payment.id && unit.reference_id !== payment.id) problems.push("reference");
  const amount = capture.amount ?? unit.amount;
  if (amount?.currency_code !== payment.currency) problems.push("currency");
  if (!amount || fromDecimalString(amount.value, payment.currency) !== payment.amount) {
    problems.push("amount");
  }
  if (payment.payeeMerchantId && unit.payee?.merchant_id !== payment.payeeMerchantId) {
    problems.push("payee");
  }
  if (problems.length > 0) {
    log.error("paypal capture does not match the payment", { paymentId: payment.id, problems });
    throw new ApiError(
      "unprocessable",
      "PayPal's capture does not match what was ordered; nothing was credited.",
      { details: { mismatched: problems } },
    );
  }
  return capture;
}

async function record(payment: NonNullable<Payment>, order: PayPalOrder): Promise<void> {
  const capture = completedCapture(order, payment);
  if (!capture) return;
  if (capture.status === "COMPLETED") {
    const recorded = await db.$transaction((tx) => applyCapture(tx, payment, capture.id));
    if (recorded) metrics().paymentsCompleted.inc();
  } else if (capture.status === "PENDING") {
    // PayPal holds it (e.g. an eCheck): credited when PAYMENT.CAPTURE.COMPLETED arrives.
    await db.payment.updateMany({
      where: { id: payment.id, status: "created" },
      data: { status: "approved", paypalCaptureId: capture.id },
    });
  } else if (capture.status === "DECLINED" || capture.status === "FAILED") {
    await db.payment.updateMany({
      where: { id: payment.id, status: { in: ["created", "approved"] } },
      data: { status: "denied" },
    });
  }
}

/**
 * Captures an approved order and credits the creator, exactly once however many calls arrive:
 * every capture carries the same PayPal-Request-Id (PayPal answers a repeat with the first
 * answer), and recording it is a status transition that only one transaction can make. After a
 * timeout or 5xx the order is read back before anything is retried, since the capture may have
 * happened; if PayPal can't tell, the caller gets a 503 and a later call finishes the job. A
 * post purchase first claims its (buyer, post) pair (claimCapture), so a second order for a
 * post already bought, or being bought, is answered 409 and never captured.
 */
export async function executePayment(viewerId: string, orderId: string): Promise<TPayment> {
  const payment = await findPayment(orderId);
  if (!payment) throw new ApiError("not_found", "No payment has this order id.");
  if (payment.buyerId !== viewerId) {
    throw new ApiError("forbidden", "Only the buyer can complete this payment.");
  }

  if (payment.status === "created" || payment.status === "approved") {
    const attemptAt = new Date();
    try {
      await captureOnce(payment, orderId, attemptAt);
    } catch (error) {
      if (error instanceof PayPalCallError) {
        if (error.unavailable) throw providerUnavailable();
        if (NOT_CAPTURED.has(error.issue ?? "")) await releaseCapture(payment.id, attemptAt);
        if (error.issue === "ORDER_NOT_APPROVED" || error.issue === "PAYER_ACTION_REQUIRED") {
          throw new ApiError(
            "unprocessable",
            "The buyer has not approved this order at PayPal yet.",
          );
        }
        if (error.issue === "INSTRUMENT_DECLINED") {
          throw new ApiError("unprocessable", "PayPal declined the payment method; try another.");
        }
        throw new ApiError(
          "unprocessable",
          `PayPal refused the capture (${error.issue ?? error.status}).`,
        );
      }
      throw error;
    }
  }

  const row = await db.payment.findUniqueOrThrow({
    where: { id: payment.id },
    select: PAYMENT_SELECT,
  });
  return toPayment(row);
}

// PayPal refusals that say for certain the order was not captured: the claim can go.
const NOT_CAPTURED = new Set([
  "ORDER_NOT_APPROVED",
  "PAYER_ACTION_REQUIRED",
  "INSTRUMENT_DECLINED",
  "ORDER_EXPIRED",
]);

/**
 * Marks the capture as attempted, which for a post purchase claims the (buyer, post) pair: the
 * partial unique index Payment_one_purchase_key admits one purchase per pair that is captured or
 * being captured. So of two orders for one post executed at once, one claims and is captured;
 * the other fails here, before PayPal is called, and its order is never captured (an approved
 * order moves no money until it is; PayPal cancels it after 3 hours).
 */
async function claimCapture(payment: NonNullable<Payment>, attemptAt: Date): Promise<void> {
  try {
    await db.payment.update({
      where: { id: payment.id },
      data: { captureAttemptedAt: attemptAt },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ApiError(
      "conflict",
      "You have already bought this post (or another order for it is being completed): " +
        "this order was not charged.",
    );
  }
}

/**
 * Gives up the claim of an attempt that PayPal refused outright, so the buyer can try again;
 * only this attempt's claim: a concurrent execute of the same order may have claimed it since.
 */
async function releaseCapture(paymentId: string, attemptAt: Date): Promise<void> {
  await db.payment.updateMany({
    where: { id: paymentId, status: "created", captureAttemptedAt: attemptAt },
    data: { captureAttemptedAt: null },
  });
}

async function captureOnce(
  payment: NonNullable<Payment>,
  orderId: string,
  attemptAt: Date,
): Promise<void> {
  // An earlier attempt whose outcome we never learned: ask PayPal before capturing again.
  if (payment.captureAttemptedAt) {
    const order = await getOrder(orderId);
    if (order.status === "COMPLETED") return record(payment, order);
  }
  await claimCapture(payment, attemptAt);

  let order: PayPalOrder;
  try {
    order = await captureOrder(orderId, `capture-${payment.id}`);
  } catch (error) {
    const unknownOutcome = error instanceof PayPalCallError && error.unavailable;
    const capturedElsewhere =
      error instanceof PayPalCallError && error.issue === "ORDER_ALREADY_CAPTURED";
    if (!unknownOutcome && !capturedElsewhere) throw error;
    // Timed out, 5xx, or captured by a concurrent call: the order itself says what happened.
    order = await getOrder(orderId).catch((lookup: unknown) => {
      throw lookup instanceof PayPalCallError && !unknownOutcome ? lookup : error;
    });
    if (order.status !== "COMPLETED") {
      if (unknownOutcome) throw error;
      return;
    }
  }
  await record(payment, order);
}
