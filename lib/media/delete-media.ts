import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { deleteMediaFiles, mediaFileKeys } from "./delete-media-files";

/**
 * Deletes the viewer's own media and its files. Media on a post goes with the post (delete or
 * edit the post instead); an avatar or banner using it is cleared (ON DELETE SET NULL).
 */
export async function deleteMedia(mediaId: string, viewerId: string): Promise<void> {
  if (!viewerId) throw new Error("deleteMedia needs a viewer");
  const media = await db.media.findUnique({
    where: { id: mediaId },
    select: { ownerId: true, postId: true },
  });
  if (!media) throw new ApiError("not_found", "No such media.");
  if (media.ownerId !== viewerId) throw new ApiError("forbidden", "This media is not yours.");
  if (media.postId) {
    throw new ApiError("conflict", "This media is part of a post: delete the post to delete it.");
  }
  // The owner and "still unattached" in the same statement, so a post attaching it at this
  // moment either wins (nothing deleted here) or loses (its attach finds nothing).
  const [deleted] = await db.$queryRaw<
    { fileKey: string; thumbnailKey: string; posterKey: string | null }[]
  >`DELETE FROM "Media" WHERE id = ${mediaId} AND "ownerId" = ${viewerId} AND "postId" IS NULL
    RETURNING "fileKey", "thumbnailKey", "posterKey"`;
  if (!deleted) {
    throw new ApiError(
      "conflict",
      "This media was just attached to a post: delete the post to delete it.",
    );
  }
  await deleteMediaFiles(mediaFileKeys(deleted));
}
