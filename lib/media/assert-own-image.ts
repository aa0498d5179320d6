import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";

/** An avatar or banner must be an image the user uploaded: 422 unknown or a video, 403 not theirs. */
export async function assertOwnImage(
  userId: string,
  mediaId: string,
  field: string,
): Promise<void> {
  if (!userId) throw new Error("assertOwnImage needs a user");
  const media = await db.media.findUnique({
    where: { id: mediaId },
    select: { ownerId: true, kind: true },
  });
  const details = { field };
  if (!media) throw new ApiError("unprocessable", `${field}: no such media.`, { details });
  if (media.ownerId !== userId) {
    throw new ApiError("forbidden", `${field}: that image is not yours.`, { details });
  }
  if (media.kind !== "image") {
    throw new ApiError("unprocessable", `${field}: must be an image, not a video.`, { details });
  }
}
