import "server-only";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TLedgerEntry } from "./payments.types";

/** A ledger entry's columns as the API and the data export show them. */
export const LEDGER_ENTRY_SELECT = {
  id: true,
  kind: true,
  amount: true,
  currency: true,
  paymentId: true,
  payoutId: true,
  createdAt: true,
} satisfies Prisma.LedgerEntrySelect;

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
    select: LEDGER_ENTRY_SELECT,
  });
  return toPage(rows, page.limit, scope, keys.positionOf, (r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
  }));
}
