import "server-only";
import { db } from "@/lib/db";
import type { TBalance } from "./payments.types";

/** The creator's balance per currency: the stored sum of their ledger (see append-ledger.ts). */
export async function getBalance(creatorId: string): Promise<TBalance> {
  const rows = await db.creatorBalance.findMany({
    where: { creatorId },
    orderBy: { currency: "asc" },
    select: { currency: true, available: true },
  });
  return { balances: rows };
}
