import "server-only";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { TPayment } from "./payments.types";
import { PAYMENT_SELECT, toPayment } from "./to-payment";

/** The viewer's payments as a buyer (tips and posts bought), newest first; unpaid orders left out. */
export async function listPurchases(buyerId: string, page: TPageQuery): Promise<Page<TPayment>> {
  const scope = `purchases:${buyerId}`;
  const keys = keyset(page.cursor, scope);
  const rows = await db.payment.findMany({
    where: {
      buyerId,
      status: { not: "created" },
      ...keys.where,
    },
    orderBy: keys.orderBy,
    take: page.limit + 1,
    select: PAYMENT_SELECT,
  });
  return toPage(rows, page.limit, scope, keys.positionOf, toPayment);
}
