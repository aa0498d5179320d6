import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { assertPostExists } from "@/lib/posts/assert-post-exists";
import { recordAction } from "./record-action";
import type { TRemoveContentBody } from "./moderation.types";

/**
 * A moderator deletes someone's comment, takes it off the post's commentCount, closes its open
 * reports and logs the action with a snapshot of the text, in one transaction.
 */
export async function removeComment(
  moderatorId: string,
  commentId: string,
  input: TRemoveContentBody,
): Promise<void> {
  const notFound = new ApiError("not_found", "No such comment.");
  await db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      select: { postId: true, authorId: true, text: true },
    });
    if (!comment) throw notFound;
    // The post first, in the lock order deleteComment and deletePost use (no deadlock).
    await assertPostExists(tx, comment.postId).catch((error: unknown) => {
      throw error instanceof ApiError ? notFound : error;
    });
    const { count } = await tx.comment.deleteMany({ where: { id: commentId } });
    // Deleted by a concurrent request in the meantime: gone, and already counted off.
    if (count === 0) throw notFound;
    await tx.post.update({
      where: { id: comment.postId },
      data: { commentCount: { decrement: 1 } },
    });
    await recordAction(tx, {
      moderatorId,
      kind: "remove_comment",
      targetType: "comment",
      targetId: commentId,
      reason: input.reason,
      reportId: input.reportId,
      snapshot: { text: comment.text, authorId: comment.authorId, postId: comment.postId },
    });
  });
}
