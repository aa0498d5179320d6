import "server-only";
import { db } from "@/lib/db";
import { entryTimeSql } from "./entry-time-sql";
import type { TFollowerCursor, TTimelineEntryRef } from "./timeline.types";

/**
 * One batch of a fan-out: copies the entry into the timelines of up to `batchSize` of its
 * source's followers after `after`, in one INSERT … SELECT, and answers where the next batch
 * starts (null after the last). Keyset-paged on the Follow index, so every batch costs the same
 * however many followers come before it, and a batch run twice inserts nothing twice (the key).
 * The entry's time is read now: a repost undone since copies nothing.
 */
export async function fanOutBatch({
  entry,
  after,
  batchSize,
}: {
  entry: TTimelineEntryRef;
  after: TFollowerCursor | null;
  batchSize: number;
}): Promise<{ inserted: number; next: TFollowerCursor | null }> {
  const { kind, postId, sourceId } = entry;
  const t = after?.t ?? "infinity";
  const [row] = await db.$queryRaw<
    { inserted: number; read: number; lastAt: Date | null; lastId: string | null }[]
  >`
    WITH entry AS (${entryTimeSql(entry)}),
    batch AS (
      SELECT f."followerId", f."createdAt" FROM "Follow" f
      WHERE f."followingId" = ${sourceId}
        AND (f."createdAt", f."followerId") < (${t}::timestamp, ${after?.id ?? ""})
      ORDER BY f."createdAt" DESC, f."followerId" DESC
      LIMIT ${batchSize}
    ),
    inserted AS (
      INSERT INTO "TimelineEntry" ("userId", "createdAt", "postId", "sourceId", repost)
      SELECT b."followerId", entry."createdAt", ${postId}, ${sourceId}, ${kind === "repost"}
      FROM batch b, entry
      ON CONFLICT DO NOTHING
      RETURNING 1
    ),
    last AS (SELECT * FROM batch ORDER BY "createdAt", "followerId" LIMIT 1)
    SELECT (SELECT count(*) FROM inserted)::int AS inserted,
      (SELECT count(*) FROM batch)::int AS read,
      (SELECT "createdAt" FROM last) AS "lastAt",
      (SELECT "followerId" FROM last) AS "lastId"`;
  const next =
    row && row.read === batchSize && row.lastAt && row.lastId
      ? { t: row.lastAt.toISOString(), id: row.lastId }
      : null;
  return { inserted: row?.inserted ?? 0, next };
}
