import "server-only";
import { newestFirst, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { TPayout } from "./payments.types";
import { PAYOUT_SELECT, toPayout } from "./to-payment";

/** The creator's payouts, newest first. */
export async function listPayouts(creatorId: string, page: TPageQuery): Promise<Page<TPayout>> {
  const scope = `payouts:${creatorId}`;
  const keyset = newestFirst(page.cursor, scope);
  const rows = await db.payout.findMany({
    where: {
      creatorId,
      ...keyset.where,
    },
    orderBy: keyset.orderBy,
    take: page.limit + 1,
    select: PAYOUT_SELECT,
  });
  return toPage(rows, page.limit, scope, keyset.positionOf, toPayout);
}
