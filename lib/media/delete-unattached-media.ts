import "server-only";
import { db } from "@/lib/db";
import { deleteMediaFiles, mediaFileKeys } from "./delete-media-files";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes media uploaded and never used: on no post, nobody's avatar or banner, and older than
 * `olderThan` (a day by default). One bounded batch per call, oldest first; call again while it
 * reports a full batch. Safe to run anywhere at any time: rows are claimed with SKIP LOCKED (in a
 * materialized CTE: as an `IN (subquery)` the planner may run the LIMIT more than once), a
 * post attaching one at the same moment wins or finds it gone, and files go after the rows.
 *
 * Needs a schedule: the background-jobs issue runs it (e.g. hourly).
 */
export async function deleteUnattachedMedia({
  olderThan = new Date(Date.now() - DAY_MS),
  batchSize = 100,
}: { olderThan?: Date; batchSize?: number } = {}): Promise<{ deleted: number }> {
  const rows = await db.$queryRaw<
    { fileKey: string; thumbnailKey: string; posterKey: string | null }[]
  >`WITH doomed AS MATERIALIZED (
      SELECT m.id FROM "Media" m
      WHERE m."postId" IS NULL AND m."createdAt" < ${olderThan}
        AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."avatarId" = m.id)
        AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."bannerId" = m.id)
      ORDER BY m."createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    DELETE FROM "Media" USING doomed WHERE "Media".id = doomed.id AND "Media"."postId" IS NULL
    RETURNING "fileKey", "thumbnailKey", "posterKey"`;
  await deleteMediaFiles(rows.flatMap(mediaFileKeys));
  return { deleted: rows.length };
}
