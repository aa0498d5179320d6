import "server-only";
import { db } from "@/lib/db";

/**
 * Keeps timelines to their cap, a batch of users (by id, after `afterUserId`) per call: entries
 * past a timeline's newest `cap` are deleted and its floor rises to the oldest one kept, so the
 * feed reads pages below it on the fly. Run by the hourly cleanup rather than on every insert:
 * finding the cap-th entry reads `cap` index entries, too much per fan-out, and a timeline an
 * hour over its cap costs only space. A floor only ever rises (a backfill may have raised it
 * above entries kept). Answers the last user of the batch, or null after the last batch.
 */
export async function trimTimelines({
  afterUserId,
  batchSize,
  cap,
}: {
  afterUserId: string | null;
  batchSize: number;
  cap: number;
}): Promise<{ trimmed: number; next: string | null }> {
  const [row] = await db.$queryRaw<{ trimmed: number; read: number; last: string | null }[]>`
    WITH users AS (
      SELECT "userId" FROM "TimelineState" WHERE "userId" > ${afterUserId ?? ""}
      ORDER BY "userId" LIMIT ${batchSize}
    ),
    cut AS (
      SELECT u."userId", c."createdAt", c."postId"
      FROM users u
      CROSS JOIN LATERAL (
        SELECT e."createdAt", e."postId" FROM "TimelineEntry" e
        WHERE e."userId" = u."userId"
        ORDER BY e."createdAt" DESC, e."postId" DESC
        OFFSET ${cap - 1} LIMIT 1
      ) c
    ),
    deleted AS (
      DELETE FROM "TimelineEntry" e USING cut
      WHERE e."userId" = cut."userId" AND (e."createdAt", e."postId") < (cut."createdAt", cut."postId")
      RETURNING e."userId"
    ),
    floor AS (
      UPDATE "TimelineState" st SET "floorAt" = cut."createdAt", "floorPostId" = cut."postId"
      FROM cut
      WHERE st."userId" = cut."userId"
        AND EXISTS (SELECT 1 FROM deleted d WHERE d."userId" = cut."userId")
        AND (st."floorAt" IS NULL
          OR (cut."createdAt", cut."postId") > (st."floorAt", st."floorPostId"))
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM deleted)::int AS trimmed,
      (SELECT count(*) FROM users)::int AS read,
      (SELECT max("userId") FROM users) AS last,
      (SELECT count(*) FROM floor)::int AS floors`;
  const next = row && row.read === batchSize ? row.last : null;
  return { trimmed: row?.trimmed ?? 0, next };
}
