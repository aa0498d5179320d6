import "server-only";
import { newestFirst, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { TLedgerEntry } from "./payments.types";

/** Every movement of the creator's balance, newest first. */
export async function listLedger(creatorId: string, page: TPageQuery): Promise<Page<TLedgerEntry>> {
  const scope = `ledger:${creatorId}`;
  const keyset = newestFirst(page.cursor, scope);
  const rows = await db.ledgerEntry.findMany({
    where: {
      creatorId,
      ...keyset.where,
    },
    orderBy: keyset.orderBy,
    take: page.limit + 1,
    select: {
      id: true,
      kind: true,
      amount: true,
      currency: true,
      paymentId: true,
      payoutId: true,
      createdAt: true,
    },
  });
  return toPage(rows, page.limit, scope, keyset.positionOf, (r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
  }));
}
