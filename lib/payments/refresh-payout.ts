import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { TPayout } from "./payments.types";
import { getPayoutBatch, PayPalCallError } from "./paypal/paypal-client";
import { settlePayout } from "./settle-payout";
import { submitPayout } from "./submit-payout";
import { PAYOUT_SELECT, toPayout } from "./to-payment";

/**
 * A payout's status, refreshed from PayPal: one never accepted is submitted again (safely, under
 * the same sender_batch_id), one in flight is looked up and settled. When PayPal can't be reached
 * the stored status is answered as it is.
 */
export async function refreshPayout(payoutId: string, creatorId: string): Promise<TPayout> {
  const payout = await db.payout.findUnique({
    where: { id: payoutId },
    select: { ...PAYOUT_SELECT, creatorId: true },
  });
  if (!payout) throw new ApiError("not_found", "No such payout.");
  if (payout.creatorId !== creatorId) throw new ApiError("forbidden", "This is not your payout.");

  if (payout.status === "pending") {
    await submitPayout(payout);
  } else if (payout.status === "processing" && payout.paypalBatchId) {
    try {
      const batch = await getPayoutBatch(payout.paypalBatchId);
      const item = batch.items?.[0];
      if (item?.transaction_status) {
        await settlePayout(payout.id, item.transaction_status, {
          itemId: item.payout_item_id,
          reason: item.errors?.message ?? item.errors?.name,
        });
      }
    } catch (error) {
      if (!(error instanceof PayPalCallError) || !error.unavailable) throw error;
    }
  }
  return toPayout(
    await db.payout.findUniqueOrThrow({ where: { id: payoutId }, select: PAYOUT_SELECT }),
  );
}
