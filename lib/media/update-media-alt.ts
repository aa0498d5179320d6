import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";

/**
 * Sets the alt text of the viewer's own media, attached to a post or not: alt text written
 * after the upload (or fixed after posting) is saved without uploading the file again.
 */
export async function updateMediaAlt(
  mediaId: string,
  viewerId: string,
  alt: string,
): Promise<{ id: string; alt: string }> {
  if (!viewerId) throw new Error("updateMediaAlt needs a viewer");
  // The owner is in the write's own `where`; the read before it only tells 404 from 403.
  const { count } = await db.media.updateMany({
    where: { id: mediaId, ownerId: viewerId },
    data: { alt },
  });
  if (count === 0) {
    const exists = await db.media.findUnique({ where: { id: mediaId }, select: { id: true } });
    if (!exists) throw new ApiError("not_found", "No such media.");
    throw new ApiError("forbidden", "This media is not yours.");
  }
  return { id: mediaId, alt };
}
