import "server-only";
import { db } from "@/lib/db";

/**
 * user.followed: copies the newest `cap` entries (posts and reposts) of the account now followed
 * into the follower's timeline, then closes the follow's gap, in one statement, so one snapshot
 * decides both: a follow made again after this snapshot keeps its own gap. When the account has
 * `cap` entries or more, the timeline now only holds it down to the oldest one copied, so the
 * timeline's floor rises to there (pages below it are read on the fly). Nothing is copied when
 * the follow is gone again.
 */
export async function backfillFollow({
  followerId,
  followingId,
  cap,
}: {
  followerId: string;
  followingId: string;
  cap: number;
}): Promise<{ inserted: number }> {
  const [row] = await db.$queryRaw<{ inserted: number }[]>`
    WITH gap AS (
      SELECT max(id) AS id FROM "TimelineGap"
      WHERE kind = 'follow' AND "followerId" = ${followerId} AND "sourceId" = ${followingId}
    ),
    entries AS (
      SELECT x."createdAt", x."postId", x.repost
      FROM "Follow" f
      CROSS JOIN LATERAL (
        (SELECT p."createdAt", p.id AS "postId", false AS repost FROM "Post" p
         WHERE p."authorId" = f."followingId"
         ORDER BY p."createdAt" DESC, p.id DESC LIMIT ${cap})
        UNION ALL
        (SELECT r."createdAt", r."postId", true FROM "Repost" r
         WHERE r."userId" = f."followingId"
         ORDER BY r."createdAt" DESC, r."postId" DESC LIMIT ${cap})
      ) x
      WHERE f."followerId" = ${followerId} AND f."followingId" = ${followingId}
      ORDER BY x."createdAt" DESC, x."postId" DESC
      LIMIT ${cap}
    ),
    inserted AS (
      INSERT INTO "TimelineEntry" ("userId", "createdAt", "postId", "sourceId", repost)
      SELECT ${followerId}, e."createdAt", e."postId", ${followingId}, e.repost FROM entries e
      ON CONFLICT DO NOTHING
      RETURNING 1
    ),
    oldest AS (SELECT "createdAt", "postId" FROM entries ORDER BY "createdAt", "postId" LIMIT 1),
    floor AS (
      UPDATE "TimelineState" st SET "floorAt" = o."createdAt", "floorPostId" = o."postId"
      FROM oldest o
      WHERE st."userId" = ${followerId}
        AND (SELECT count(*) FROM entries) >= ${cap}
        AND (st."floorAt" IS NULL OR (o."createdAt", o."postId") > (st."floorAt", st."floorPostId"))
      RETURNING 1
    ),
    closed AS (
      DELETE FROM "TimelineGap" g USING gap
      WHERE g.kind = 'follow' AND g."followerId" = ${followerId}
        AND g."sourceId" = ${followingId} AND g.id <= gap.id
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted)::int AS inserted,
      (SELECT count(*) FROM floor)::int + (SELECT count(*) FROM closed)::int AS touched`;
  return { inserted: row?.inserted ?? 0 };
}
