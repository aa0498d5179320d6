import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import { publishEvent } from "@/lib/events/publish-event";
import type { TDataExport } from "./account.types";
import { DATA_EXPORT_SELECT, toDataExport } from "./to-data-export";

/**
 * Starts building an archive of the user's data, or answers the one already being built. The
 * database allows one pending export per user (the partial unique index DataExport_one_pending),
 * so two requests at once can't both start one: the loser of the race reads the winner's row.
 * The event that builds it is written in the same transaction as the row.
 */
export async function requestExport(userId: string): Promise<TDataExport> {
  // Twice at most: the pending export we collided with may finish between the insert and the read.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const created = await db.$transaction(async (tx) => {
        const row = await tx.dataExport.create({
          data: { userId },
          select: DATA_EXPORT_SELECT,
        });
        await publishEvent(tx, "account.export.requested", { exportId: row.id, userId });
        return row;
      });
      return toDataExport(created);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const pending = await db.dataExport.findFirst({
      where: { userId, status: "pending" },
      select: DATA_EXPORT_SELECT,
    });
    if (pending) return toDataExport(pending);
  }
  throw new Error("Could not start or find a pending data export.");
}
