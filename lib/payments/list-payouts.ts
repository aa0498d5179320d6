import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { TPayout } from "./payments.types";
import { PAYOUT_SELECT, toPayout } from "./to-payment";

const ZPosition = z.tuple([z.iso.datetime(), z.string()]);

/** The creator's payouts, newest first. */
export async function listPayouts(creatorId: string, page: TPageQuery): Promise<Page<TPayout>> {
  const scope = `payouts:${creatorId}`;
  const after = decodeCursor(page.cursor, scope, ZPosition);
  const rows = await db.payout.findMany({
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
    select: PAYOUT_SELECT,
  });
  return toPage(rows, page.limit, scope, (r) => [r.createdAt.toISOString(), r.id], toPayout);
}
