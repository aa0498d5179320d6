import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { mediaStorage } from "@/lib/media/storage";

/**
 * The zip of a ready export, for its owner only: the owner is in the `where`, so someone else's
 * export id is a 404 like an unknown one.
 */
export async function downloadExport(userId: string, exportId: string): Promise<Response> {
  const row = await db.dataExport.findFirst({
    where: { id: exportId, userId, status: "ready" },
    select: { fileKey: true, createdAt: true },
  });
  if (!row?.fileKey) throw new ApiError("not_found", "No such export, or it is not ready yet.");
  const bytes = await mediaStorage().read(row.fileKey);
  const day = row.createdAt.toISOString().slice(0, 10);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "content-type": "application/zip",
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="grover-export-${day}.zip"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
