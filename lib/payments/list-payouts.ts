import "server-only";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { TPayout } from "./payments.types";
import { PAYOUT_SELECT, toPayout } from "./to-payment";

/** The creator's payouts, newest first. */
export async function listPayouts(creatorId: string, page: TPageQuery): Promise<Page<TPayout>> {
  const scope = `payouts:${creatorId}`;
  const keys = keyset(page.cursor, scope);
  const rows = await db.payout.findMany({
    where: {
      creatorId,
      ...keys.where,
    },
    orderBy: keys.orderBy,
    take: page.limit + 1,
    select: PAYOUT_SELECT,
  });
  return toPage(rows, page.limit, scope, keys.positionOf, toPayout);
}
