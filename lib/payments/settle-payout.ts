import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendLedger } from "./append-ledger";
import { requestPayoutEmail } from "./request-payout-email";

/** PayPal's item statuses, by what they mean for the money we reserved. */
const FAILED = new Set([
  "FAILED",
  "RETURNED",
  "BLOCKED",
  "REFUNDED",
  "REVERSED",
  "DENIED",
  "CANCELED",
]);
const SUCCEEDED = new Set(["SUCCESS", "SUCCEEDED"]);

/**
 * Applies a payout item's status from PayPal (a status refresh or a webhook). A failure moves the
 * payout to failed and gives the reserved amount back with a reversal entry, in one transaction
 * and once (the status moves only from pending/processing/success, and the reversal's key is
 * unique). Anything still in flight (PENDING, UNCLAIMED, ONHOLD...) just marks it processing.
 * Success or failure also asks for the creator's mail about it, in the same transaction.
 */
export async function settlePayout(
  payoutId: string,
  itemStatus: string,
  details: SettleDetails = {},
): Promise<void> {
  await db.$transaction((tx) => settlePayoutIn(tx, payoutId, itemStatus, details));
}

type SettleDetails = { batchId?: string; itemId?: string; reason?: string };

/** settlePayout inside the caller's transaction (a webhook records its event id in the same one). */
export async function settlePayoutIn(
  tx: Tx,
  payoutId: string,
  itemStatus: string,
  details: SettleDetails = {},
): Promise<void> {
  const status = itemStatus.toUpperCase();
  const ids = {
    ...(details.batchId ? { paypalBatchId: details.batchId } : {}),
    ...(details.itemId ? { paypalItemId: details.itemId } : {}),
  };
  if (SUCCEEDED.has(status)) {
    const moved = await tx.payout.updateMany({
      where: { id: payoutId, status: { in: ["pending", "processing"] } },
      data: { ...ids, status: "success", settledAt: new Date() },
    });
    if (moved.count > 0) await requestPayoutEmail(tx, payoutId, "payout-sent");
    return;
  }
  if (!FAILED.has(status)) {
    await tx.payout.updateMany({
      where: { id: payoutId, status: "pending" },
      data: { ...ids, status: "processing" },
    });
    return;
  }
  {
    const payout = await tx.payout.findUnique({
      where: { id: payoutId },
      select: { creatorId: true, amount: true, currency: true },
    });
    if (!payout) return;
    // RETURNED and REVERSED can follow a success (unclaimed money comes back after 30 days).
    const moved = await tx.payout.updateMany({
      where: { id: payoutId, status: { in: ["pending", "processing", "success"] } },
      data: {
        ...ids,
        status: "failed",
        failureReason: (details.reason ?? status).slice(0, 300),
        settledAt: new Date(),
      },
    });
    if (moved.count === 0) return;
    await appendLedger(tx, [
      {
        creatorId: payout.creatorId,
        currency: payout.currency,
        amount: payout.amount,
        kind: "payout_reversed",
        payoutId,
        idempotencyKey: `payout:${payoutId}:reversed`,
      },
    ]);
    await requestPayoutEmail(tx, payoutId, "payout-failed");
  }
}
