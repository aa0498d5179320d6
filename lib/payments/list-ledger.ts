import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { TLedgerEntry } from "./payments.types";

const ZPosition = z.tuple([z.iso.datetime(), z.string()]);

/** Every movement of the creator's balance, newest first. */
export async function listLedger(creatorId: string, page: TPageQuery): Promise<Page<TLedgerEntry>> {
  const scope = `ledger:${creatorId}`;
  const after = decodeCursor(page.cursor, scope, ZPosition);
  const rows = await db.ledgerEntry.findMany({
    where: {
      creatorId,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after[0]) } },
              { createdAt: new Date(after[0]), id: { lt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
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
  return toPage(
    rows,
    page.limit,
    scope,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => ({ ...r, createdAt: r.createdAt.toISOString() }),
  );
}
