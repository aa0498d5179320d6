// No `server-only`: scripts/rebuild-timelines.ts and scripts/seed.ts run it outside Next.js, on
// their own pg connection.
import type pg from "pg";

export type RebuildOptions = {
  /** Entries kept per timeline (TIMELINE_MAX_ENTRIES). */
  cap: number;
  /** Accounts with more followers are read on the fly (TIMELINE_FANOUT_MAX_FOLLOWERS). */
  maxFollowers: number;
  /** Only entries this recent are copied; older pages are read on the fly. */
  since: Date;
  /** Users per statement. */
  batchSize?: number;
  onBatch?: (users: number) => void;
};

/**
 * Builds every user's timeline from scratch in bulk SQL: for existing data (a database from
 * before timelines, or after a bulk load such as the seed, which skips the triggers) and after
 * changing the cap or the threshold. Per user, the newest `cap` posts and reposts since `since`
 * of the accounts they follow and their own, but not of accounts too big to fan out (marked as
 * such, so their entries are read on the fly). The floor goes where completeness ends: the
 * oldest entry kept when the cap was reached, else `since`. Pending fan-outs and backfills
 * recorded before the rebuild started are done by it, so their gaps go; later ones keep theirs.
 */
export async function rebuildTimelines(db: pg.ClientBase, options: RebuildOptions) {
  const { cap, maxFollowers, since, batchSize = 200 } = options;
  const {
    rows: [start],
  } = await db.query<{ gapId: string | null }>(
    `SELECT max(id)::text AS "gapId" FROM "TimelineGap" WHERE kind <> 'big'`,
  );
  await db.query(
    `INSERT INTO "TimelineGap" (kind, "sourceId")
     SELECT 'big', u.id FROM "User" u
     WHERE u."followersCount" > $1
       AND NOT EXISTS (SELECT 1 FROM "TimelineGap" g WHERE g.kind = 'big' AND g."sourceId" = u.id)`,
    [maxFollowers],
  );
  let after = "";
  let users = 0;
  for (;;) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM "User" WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, batchSize],
    );
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    await rebuildBatch(db, ids, { cap, maxFollowers, since });
    users += ids.length;
    options.onBatch?.(users);
    after = ids.at(-1)!;
  }
  if (start?.gapId) {
    await db.query(`DELETE FROM "TimelineGap" WHERE kind <> 'big' AND id <= $1::bigint`, [
      start.gapId,
    ]);
  }
  return { users };
}

async function rebuildBatch(
  db: pg.ClientBase,
  ids: string[],
  { cap, maxFollowers, since }: { cap: number; maxFollowers: number; since: Date },
) {
  // One transaction: a reader never finds a built timeline emptied for its rebuild.
  await db.query("BEGIN");
  try {
    await db.query(`DELETE FROM "TimelineEntry" WHERE "userId" = ANY($1::text[])`, [ids]);
    await db.query(
      `WITH entries AS (
       SELECT u.id AS "userId", x.*
       FROM unnest($1::text[]) AS u(id)
       CROSS JOIN LATERAL (
         SELECT * FROM (
           SELECT p."createdAt", p.id AS "postId", p."authorId" AS "sourceId", false AS repost
           FROM "Post" p
           WHERE p."authorId" IN (SELECT "followingId" FROM "Follow" WHERE "followerId" = u.id
                                  UNION SELECT u.id)
             AND p."createdAt" >= $2::timestamp
           UNION ALL
           SELECT r."createdAt", r."postId", r."userId", true
           FROM "Repost" r
           WHERE r."userId" IN (SELECT "followingId" FROM "Follow" WHERE "followerId" = u.id
                                UNION SELECT u.id)
             AND r."createdAt" >= $2::timestamp
         ) y
         WHERE y."sourceId" = u.id OR NOT EXISTS (
           SELECT 1 FROM "User" big WHERE big.id = y."sourceId" AND big."followersCount" > $3)
         ORDER BY y."createdAt" DESC, y."postId" DESC
         LIMIT $4
       ) x
     ),
     inserted AS (
       INSERT INTO "TimelineEntry" ("userId", "createdAt", "postId", "sourceId", repost)
       SELECT "userId", "createdAt", "postId", "sourceId", repost FROM entries
       ON CONFLICT DO NOTHING
     ),
     oldest AS (
       SELECT DISTINCT ON ("userId") "userId", "createdAt", "postId",
         count(*) OVER (PARTITION BY "userId") AS n
       FROM entries
       ORDER BY "userId", "createdAt", "postId"
     )
     INSERT INTO "TimelineState" ("userId", "floorAt", "floorPostId", "builtAt")
     SELECT u.id,
       CASE WHEN o.n >= $4 THEN o."createdAt" ELSE $2::timestamp END,
       CASE WHEN o.n >= $4 THEN o."postId" ELSE '' END,
       now()
     FROM unnest($1::text[]) AS u(id)
     LEFT JOIN oldest o ON o."userId" = u.id
     ON CONFLICT ("userId") DO UPDATE
       SET "floorAt" = excluded."floorAt", "floorPostId" = excluded."floorPostId",
         "builtAt" = excluded."builtAt"`,
      [ids, since.toISOString(), maxFollowers, cap],
    );
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
}
