import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Tx } from "@/lib/db";

/**
 * Attaches the author's own unattached media to a new post, in the order given (positions 0-3),
 * inside the post's transaction. Each update names the owner and `postId: null`, so media that
 * is someone else's, unknown, or attached a moment ago by another post fails the whole post.
 */
export async function attachMediaToPost(
  tx: Tx,
  ownerId: string,
  postId: string,
  mediaIds: string[],
): Promise<void> {
  if (!ownerId) throw new Error("attachMediaToPost needs an owner");
  for (const [position, id] of mediaIds.entries()) {
    const { count } = await tx.media.updateMany({
      where: { id, ownerId, postId: null },
      data: { postId, position },
    });
    if (count === 1) continue;
    const media = await tx.media.findUnique({ where: { id }, select: { ownerId: true } });
    const details = { field: `mediaIds.${position}`, id };
    if (!media) throw new ApiError("unprocessable", `No such media: ${id}.`, { details });
    if (media.ownerId !== ownerId) {
      throw new ApiError("forbidden", `Media ${id} is not yours to attach.`, { details });
    }
    throw new ApiError("conflict", `Media ${id} is already attached to a post.`, { details });
  }
}
