import "server-only";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { TLedgerEntry } from "./payments.types";

/** Every movement of the creator's balance, newest first. */
export async function listLedger(creatorId: string, page: TPageQuery): Promise<Page<TLedgerEntry>> {
  const scope = `ledger:${creatorId}`;
  const keys = keyset(page.cursor, scope);
  const rows = await db.ledgerEntry.findMany({
    where: {
      creatorId,
      ...keys.where,
    },
    orderBy: keys.orderBy,
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
  return toPage(rows, page.limit, scope, keys.positionOf, (r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
  }));
}
