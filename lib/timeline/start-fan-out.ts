import "server-only";
import { db } from "@/lib/db";
import { entryTimeSql } from "./entry-time-sql";
import type { TTimelineEntryRef } from "./timeline.types";

/**
 * The first step of fanning a post or repost out: it goes into its source's own timeline, and
 * answers whether the followers' timelines get it too. Not when it is gone (deleted, or the
 * repost undone, since it was published), nor when the source has more than `maxFollowers`
 * followers: that account is then marked big (a kept gap), and its entries are read on the fly
 * from then on, by everyone following it. `gapId` is the newest gap of this entry now; the last
 * step closes gaps up to it only, so a repost undone and made again keeps its own.
 */
export async function startFanOut(
  entry: TTimelineEntryRef,
  maxFollowers: number,
): Promise<{ fanOut: boolean; gapId: string | null }> {
  const { kind, postId, sourceId } = entry;
  const [row] = await db.$queryRaw<{ followers: number | null; gapId: bigint | null }[]>`
    WITH entry AS (${entryTimeSql(entry)}),
    own AS (
      INSERT INTO "TimelineEntry" ("userId", "createdAt", "postId", "sourceId", repost)
      SELECT ${sourceId}, entry."createdAt", ${postId}, ${sourceId}, ${kind === "repost"}
      FROM entry
      ON CONFLICT DO NOTHING
    )
    SELECT (SELECT u."followersCount" FROM "User" u, entry WHERE u.id = ${sourceId}) AS followers,
      (SELECT max(g.id) FROM "TimelineGap" g
       WHERE g.kind = ${kind} AND g."postId" = ${postId} AND g."sourceId" = ${sourceId}) AS "gapId"`;
  const gapId = row?.gapId == null ? null : String(row.gapId);
  if (row?.followers == null) return { fanOut: false, gapId };
  if (row.followers <= maxFollowers) return { fanOut: true, gapId };
  await db.$executeRaw`
    INSERT INTO "TimelineGap" (kind, "sourceId")
    SELECT 'big', ${sourceId}
    WHERE NOT EXISTS (
      SELECT 1 FROM "TimelineGap" WHERE kind = 'big' AND "sourceId" = ${sourceId})`;
  return { fanOut: false, gapId };
}
