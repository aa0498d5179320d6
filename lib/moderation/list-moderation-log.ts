import "server-only";
import { keyset, toPage, type Page } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { TModerationAction } from "./moderation.types";

/** The moderation log, newest first: who did what, to which target, why and when. */
export async function listModerationLog(
  cursor: string | undefined,
  limit: number,
): Promise<Page<TModerationAction>> {
  const keys = keyset(cursor, "moderation-log");
  const rows = await db.moderationAction.findMany({
    where: keys.where,
    orderBy: keys.orderBy,
    take: limit + 1,
    select: {
      id: true,
      kind: true,
      targetType: true,
      targetId: true,
      reason: true,
      reportId: true,
      createdAt: true,
      moderator: { select: { id: true, username: true, displayName: true } },
    },
  });
  return toPage(rows, limit, "moderation-log", keys.positionOf, (row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
  }));
}
