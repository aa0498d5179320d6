import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { toDecimalString } from "./money";
import { createPayoutBatch, PayPalCallError } from "./paypal/paypal-client";
import { settlePayout } from "./settle-payout";

type PayoutToSubmit = { id: string; amount: number; currency: string; paypalEmail: string };

/**
 * Sends a reserved payout to PayPal. sender_batch_id and PayPal-Request-Id are the payout's id, so
 * PayPal refuses to pay it twice however often this runs. A timeout or 5xx leaves it pending (the
 * status refresh submits it again); a refusal (4xx) fails it and returns the money.
 */
export async function submitPayout(payout: PayoutToSubmit): Promise<void> {
  try {
    const batch = await createPayoutBatch(`payout-${payout.id}`, {
      sender_batch_header: {
        sender_batch_id: payout.id,
        email_subject: "You have a payout from Grover",
        email_message: "Your Grover earnings are on their way.",
      },
      items: [
        {
          recipient_type: "EMAIL",
          amount: {
            value: toDecimalString(payout.amount, payout.currency),
            currency: payout.currency,
          },
          receiver: payout.paypalEmail,
          note: "Grover creator earnings",
          sender_item_id: payout.id,
        },
      ],
    });
    const batchId = batch.batch_header?.payout_batch_id;
    if (!batchId) throw new Error("PayPal accepted a payout without a batch id.");
    await db.payout.updateMany({
      where: { id: payout.id, status: "pending" },
      data: { paypalBatchId: batchId, status: "processing" },
    });
  } catch (error) {
    if (!(error instanceof PayPalCallError)) throw error;
    if (error.unavailable) {
      log.warn("payout left pending: PayPal did not answer", { payoutId: payout.id });
      return;
    }
    // Already submitted under this sender_batch_id (an earlier attempt whose answer was lost):
    // PayPal links the original batch.
    const original = duplicateBatchId(error.body);
    if (original) {
      await db.payout.updateMany({
        where: { id: payout.id, status: "pending" },
        data: { paypalBatchId: original, status: "processing" },
      });
      return;
    }
    await settlePayout(payout.id, "FAILED", {
      reason: `PayPal refused the payout (${error.issue ?? error.status})`,
    });
  }
}

function duplicateBatchId(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const links = (body as { links?: Array<{ href?: string; rel?: string }> }).links ?? [];
  const self = links.find((l) => l.rel === "self")?.href;
  const match = self ? /\/v1\/payments\/payouts\/([^/?]+)/.exec(self) : null;
  return match?.[1] ?? null;
}
