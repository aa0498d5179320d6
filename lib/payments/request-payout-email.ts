import "server-only";
import type { Tx } from "@/lib/db";
import { requestUserEmail } from "@/lib/mail/request-user-email";

/**
 * The creator's mail about a payout settled (settle-payout.ts), in the transaction that moved
 * it: "payout-sent" once it succeeded, "payout-failed" once it failed (with PayPal's reason).
 * Keyed by payout and outcome, so the webhook and a status refresh settling it both, or a replay
 * of either, mail once.
 */
export async function requestPayoutEmail(
  tx: Tx,
  payoutId: string,
  template: "payout-sent" | "payout-failed",
): Promise<void> {
  const payout = await tx.payout.findUnique({
    where: { id: payoutId },
    select: {
      creatorId: true,
      amount: true,
      currency: true,
      paypalEmail: true,
      failureReason: true,
    },
  });
  if (!payout) return;
  await requestUserEmail(tx, {
    userId: payout.creatorId,
    template,
    data: {
      amount: String(payout.amount),
      currency: payout.currency,
      paypalEmail: payout.paypalEmail,
      ...(template === "payout-failed"
        ? { reason: payout.failureReason ?? "PayPal did not say why." }
        : {}),
    },
    dedupeKey: `${template}:${payoutId}`,
  });
}
