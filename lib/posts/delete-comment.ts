import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { assertPostExists } from "./assert-post-exists";

/**
 * Deletes a comment, as its author or as the author of the post it is on (403 for anyone else,
 * 404 when unknown), and takes it off the post's commentCount in the same transaction.
 */
export async function deleteComment(commentId: string, viewerId: string): Promise<void> {
  // Prisma reads an undefined filter as "no filter", which would make the ownership condition
  // below pass for anyone.
  if (!viewerId) throw new ApiError("unauthorized", "Sign in, or send a bearer token.");
  const notFound = new ApiError("not_found", "No such comment.");

  await db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      select: { postId: true, authorId: true },
    });
    if (!comment) throw notFound;
    // Lock the post before the comment row, in the order deletePost and createComment lock, so a
    // concurrent delete of the post waits instead of deadlocking on this comment.
    // (The post can only be missing if it was deleted a moment ago, taking the comment along.)
    const post = await assertPostExists(tx, comment.postId).catch((error: unknown) => {
      throw error instanceof ApiError ? notFound : error;
    });
    if (comment.authorId !== viewerId && post.authorId !== viewerId) {
      throw new ApiError(
        "forbidden",
        "Only the comment's author or the post's author can delete it.",
      );
    }
    // The permission is in the delete's own condition too, not only in the check above.
    const { count } = await tx.comment.deleteMany({
      where: {
        id: commentId,
        OR: [{ authorId: viewerId }, { post: { authorId: viewerId } }],
      },
    });
    // Deleted by a concurrent request in the meantime: gone, and already counted off.
    if (count === 0) throw notFound;
    await tx.post.update({
      where: { id: comment.postId },
      data: { commentCount: { decrement: 1 } },
    });
  });
}
