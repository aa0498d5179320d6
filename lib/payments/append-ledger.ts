import "server-only";
import type { Tx } from "@/lib/db";
import type { LedgerKind } from "@/lib/generated/prisma/client";

export type LedgerLine = {
  creatorId: string;
  currency: string;
  amount: number;
  kind: LedgerKind;
  idempotencyKey: string;
  paymentId?: string;
  payoutId?: string;
};

/**
 * Writes ledger entries inside the caller's transaction and moves the creator's stored balance
 * by what was actually written. An entry whose idempotency key exists is skipped (its cause was
 * already recorded), so replaying a cause changes nothing. Answers how many entries were new.
 */
export async function appendLedger(tx: Tx, lines: LedgerLine[]): Promise<number> {
  const entries = lines.filter((line) => line.amount !== 0);
  if (entries.length === 0) return 0;
  const written = await tx.ledgerEntry.createManyAndReturn({
    data: entries,
    skipDuplicates: true,
    select: { creatorId: true, currency: true, amount: true },
  });
  const sums = new Map<string, { creatorId: string; currency: string; amount: number }>();
  for (const row of written) {
    const key = `${row.creatorId} ${row.currency}`;
    const sum = sums.get(key) ?? { creatorId: row.creatorId, currency: row.currency, amount: 0 };
    sum.amount += row.amount;
    sums.set(key, sum);
  }
  for (const { creatorId, currency, amount } of sums.values()) {
    // One statement, so concurrent writers can't lose an update; it locks the row until commit.
    await tx.$executeRaw`
      INSERT INTO "CreatorBalance" ("creatorId", "currency", "available", "updatedAt")
      VALUES (${creatorId}, ${currency}, ${amount}, now())
      ON CONFLICT ("creatorId", "currency")
      DO UPDATE SET "available" = "CreatorBalance"."available" + EXCLUDED."available", "updatedAt" = now()`;
  }
  return written.length;
}
