import "server-only";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/config";
import { db } from "@/lib/db";
import { metrics } from "@/lib/metrics";
import { appendLedger } from "./append-ledger";
import { formatMoney } from "./format-money";
import type { TCreatePayoutBody, TPayout } from "./payments.types";
import { assertPaymentsConfigured } from "./paypal/paypal-client";
import { submitPayout } from "./submit-payout";
import { PAYOUT_SELECT, toPayout } from "./to-payment";

/**
 * A creator withdraws part of their balance. The balance row is locked (SELECT ... FOR UPDATE)
 * and the amount reserved with a ledger entry in the same transaction, so two requests at once
 * are serialised and can never pay out more than there is. Then PayPal is asked to pay it.
 */
export async function createPayout(creatorId: string, input: TCreatePayoutBody): Promise<TPayout> {
  const user = await db.user.findUnique({
    where: { id: creatorId },
    select: { email: true, emailVerified: true, suspendedAt: true },
  });
  if (!user) throw new ApiError("unauthorized", "Sign in again.");
  // Normally unreachable (suspension revokes sessions), but money must not leave on a race.
  if (user.suspendedAt) {
    throw new ApiError("account_suspended", "Your account is suspended: payouts are on hold.");
  }
  // Money leaves only for an owner we can reach about it (a failed or reversed payout).
  if (!user.emailVerified) {
    throw new ApiError(
      "email_not_verified",
      "Confirm your email address before withdrawing: open the link we mailed you, or send a new one from Settings → Account.",
    );
  }
  await assertPaymentsConfigured();
  if (!env().PAYMENT_CURRENCIES.includes(input.currency)) {
    throw new ApiError("unprocessable", `Payouts in ${input.currency} are not available here.`);
  }
  const paypalEmail = input.paypalEmail ?? user.email;

  const payout = await db.$transaction(async (tx) => {
    const [balance] = await tx.$queryRaw<Array<{ available: number }>>`
      SELECT "available" FROM "CreatorBalance"
      WHERE "creatorId" = ${creatorId} AND "currency" = ${input.currency}
      FOR UPDATE`;
    const available = balance?.available ?? 0;
    if (available < input.amount) {
      throw new ApiError(
        "insufficient_funds",
        `You can withdraw at most ${formatMoney(Math.max(available, 0), input.currency)}.`,
        { details: { available, currency: input.currency } },
      );
    }
    const created = await tx.payout.create({
      data: { creatorId, amount: input.amount, currency: input.currency, paypalEmail },
      select: { id: true, amount: true, currency: true, paypalEmail: true },
    });
    await appendLedger(tx, [
      {
        creatorId,
        currency: input.currency,
        amount: -input.amount,
        kind: "payout_reserved",
        payoutId: created.id,
        idempotencyKey: `payout:${created.id}:reserved`,
      },
    ]);
    return created;
  });

  metrics().payouts.inc();
  await submitPayout(payout);
  return toPayout(
    await db.payout.findUniqueOrThrow({ where: { id: payout.id }, select: PAYOUT_SELECT }),
  );
}
