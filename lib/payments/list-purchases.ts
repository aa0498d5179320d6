import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { TPayment } from "./payments.types";
import { PAYMENT_SELECT, toPayment } from "./to-payment";

const ZPosition = z.tuple([z.iso.datetime(), z.string()]);

/** The viewer's payments as a buyer (tips and posts bought), newest first; unpaid orders left out. */
export async function listPurchases(buyerId: string, page: TPageQuery): Promise<Page<TPayment>> {
  const scope = `purchases:${buyerId}`;
  const after = decodeCursor(page.cursor, scope, ZPosition);
  const rows = await db.payment.findMany({
    where: {
      buyerId,
      status: { not: "created" },
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
    select: PAYMENT_SELECT,
  });
  return toPage(rows, page.limit, scope, (r) => [r.createdAt.toISOString(), r.id], toPayment);
}
