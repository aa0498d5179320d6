import "server-only";
import { db } from "@/lib/db";
import type { TDataExport } from "./account.types";
import { DATA_EXPORT_SELECT, toDataExport } from "./to-data-export";

/** The user's most recent export (pending, ready or failed), or null when they never asked. */
export async function getLatestExport(userId: string): Promise<TDataExport | null> {
  const row = await db.dataExport.findFirst({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: DATA_EXPORT_SELECT,
  });
  return row ? toDataExport(row) : null;
}
