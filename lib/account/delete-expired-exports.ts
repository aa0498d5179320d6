import "server-only";
import { db } from "@/lib/db";
import { deleteMediaFiles } from "@/lib/media/delete-media-files";

/** How long a finished archive stays downloadable. */
export const EXPORT_KEPT_DAYS = 7;

/**
 * Deletes data exports finished (ready or failed) over EXPORT_KEPT_DAYS ago, with their zips:
 * an archive of someone's data should not outlive its use. One bounded batch per call, oldest
 * first; rows first, then files, so a failed file delete leaves only an orphan file (logged),
 * never a row pointing at nothing.
 */
export async function deleteExpiredExports({
  batchSize = 100,
}: { batchSize?: number } = {}): Promise<{ deleted: number }> {
  const cutoff = new Date(Date.now() - EXPORT_KEPT_DAYS * 24 * 60 * 60 * 1000);
  const doomed = await db.dataExport.findMany({
    where: { status: { in: ["ready", "failed"] }, createdAt: { lt: cutoff } },
    orderBy: { createdAt: "asc" },
    take: batchSize,
    select: { id: true, fileKey: true },
  });
  if (doomed.length === 0) return { deleted: 0 };
  const { count } = await db.dataExport.deleteMany({
    where: { id: { in: doomed.map((e) => e.id) } },
  });
  await deleteMediaFiles(doomed.map((e) => e.fileKey));
  return { deleted: count };
}
