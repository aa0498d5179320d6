import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { applyCapture } from "./apply-capture";
import { applyRefund } from "./apply-refund";
import { fromDecimalString } from "./money";
import { ZWebhookEventSchema } from "./payments.types";
import {
  PayPalCallError,
  providerUnavailable,
  verifyWebhookSignature,
} from "./paypal/paypal-client";
import { settlePayoutIn } from "./settle-payout";

const SIGNATURE_HEADERS = [
  "paypal-transmission-id",
  "paypal-transmission-time",
  "paypal-transmission-sig",
  "paypal-cert-url",
  "paypal-auth-algo",
];

type Resource = Record<string, unknown>;
const str = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * A PayPal webhook delivery: verified with PayPal's verify-webhook-signature API (anything that
 * doesn't verify is refused before it is read), then applied once. The event's id is recorded in
 * the same transaction as its effect, so a redelivery, even a concurrent one, changes nothing.
 */
export async function handleWebhook(headers: Headers, body: string): Promise<{ applied: boolean }> {
  // Parsed as sent (key order included) for verification: PayPal checks exactly what it signed.
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
  const event = ZWebhookEventSchema.parse(raw);
  const signature: Record<string, string> = {};
  for (const name of SIGNATURE_HEADERS) {
    const value = headers.get(name);
    if (!value)
      throw new ApiError("unauthorized", `Missing the ${name} header: not a PayPal webhook.`);
    signature[name] = value;
  }
  let verified: boolean;
  try {
    verified = await verifyWebhookSignature(signature, raw);
  } catch (error) {
    if (error instanceof PayPalCallError && error.unavailable) throw providerUnavailable();
    throw error;
  }
  if (!verified) throw new ApiError("unauthorized", "The webhook signature did not verify.");

  const resource = event.resource as Resource;
  try {
    let captured = false;
    const applied = await db.$transaction(async (tx) => {
      // The insert waits on a concurrent delivery of the same event and then conflicts.
      const [fresh] = await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "PayPalWebhookEvent" ("id", "eventType", "processedAt")
        VALUES (${event.id}, ${event.event_type}, now())
        ON CONFLICT ("id") DO NOTHING
        RETURNING "id"`;
      if (!fresh) return false;
      const outcome = await apply(tx, event.event_type, resource);
      captured = outcome === true;
      return outcome !== "duplicate";
    });
    if (captured) metrics().paymentsCompleted.inc();
    return { applied };
  } catch (error) {
    if (isUniqueViolation(error)) return { applied: false };
    throw error;
  }
}

/**
 * Applies one event's effect; true when it recorded a capture (for the payments counter),
 * "duplicate" when a refund it carries was already recorded under another event id.
 */
async function apply(
  tx: Tx,
  type: string,
  resource: Resource,
): Promise<boolean | "duplicate" | void> {
  switch (type) {
    case "PAYMENT.CAPTURE.COMPLETED":
    case "PAYMENT.CAPTURE.DENIED":
    case "PAYMENT.CAPTURE.DECLINED": {
      const related = (
        resource.supplementary_data as { related_ids?: { order_id?: string } } | undefined
      )?.related_ids;
      const payment = await tx.payment.findFirst({
        where: related?.order_id
          ? { paypalOrderId: related.order_id }
          : { id: str(resource.custom_id) ?? "-" },
      });
      if (!payment)
        return log.warn("webhook for an unknown payment", { type, resourceId: resource.id });
      if (type !== "PAYMENT.CAPTURE.COMPLETED") {
        await tx.payment.updateMany({
          where: { id: payment.id, status: { in: ["created", "approved"] } },
          data: { status: "denied" },
        });
        return;
      }
      const amount = resource.amount as { value?: string; currency_code?: string } | undefined;
      if (
        amount?.currency_code !== payment.currency ||
        fromDecimalString(amount.value ?? "", payment.currency) !== payment.amount
      ) {
        return log.error("webhook capture does not match the payment", { paymentId: payment.id });
      }
      return applyCapture(tx, payment, str(resource.id) ?? payment.paypalCaptureId ?? "");
    }
    case "PAYMENT.CAPTURE.REFUNDED":
      // Keyed by PayPal's refund id: the same refund under a new event id is not applied again.
      return (await applyRefund(tx, resource)) ? undefined : "duplicate";
    default:
      if (type.startsWith("PAYMENT.PAYOUTS-ITEM.")) await applyPayoutItem(tx, type, resource);
      return;
  }
}

async function applyPayoutItem(tx: Tx, type: string, resource: Resource): Promise<void> {
  const item = resource.payout_item as { sender_item_id?: string } | undefined;
  const batchId = str(resource.payout_batch_id);
  const payout = await tx.payout.findFirst({
    where: item?.sender_item_id ? { id: item.sender_item_id } : { paypalBatchId: batchId ?? "-" },
    select: { id: true },
  });
  if (!payout) return log.warn("payout webhook for an unknown payout", { type, batchId });
  const status = str(resource.transaction_status) ?? type.replace("PAYMENT.PAYOUTS-ITEM.", "");
  const errors = resource.errors as { message?: string; name?: string } | undefined;
  await settlePayoutIn(tx, payout.id, status, {
    itemId: str(resource.payout_item_id),
    reason: errors?.message ?? errors?.name,
  });
}
