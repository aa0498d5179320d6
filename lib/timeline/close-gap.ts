import "server-only";
import { db } from "@/lib/db";
import type { TTimelineEntryRef } from "./timeline.types";

/**
 * The last step of a fan-out: every timeline that should hold the entry does, so readers stop
 * reading its source on the fly for it. Only gaps up to `gapId` (seen when the fan-out started):
 * a newer one belongs to a later repost of the same post, with a fan-out of its own.
 */
export async function closeGap(entry: TTimelineEntryRef, gapId: string | null): Promise<number> {
  if (gapId === null) return 0;
  return db.$executeRaw`
    DELETE FROM "TimelineGap"
    WHERE kind = ${entry.kind} AND "postId" = ${entry.postId} AND "sourceId" = ${entry.sourceId}
      AND id <= ${gapId}::bigint`;
}
