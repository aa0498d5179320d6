import "server-only";
import { db } from "@/lib/db";
import { assertPostExists } from "./assert-post-exists";
import { getPost } from "./get-post";
import type { TPost } from "./posts.types";

/**
 * Takes back a like. Idempotent, like liking: the counters move only when a Like row was
 * actually deleted, in the same transaction.
 */
export async function unlikePost(postId: string, viewerId: string): Promise<TPost> {
  await db.$transaction(async (tx) => {
    const { authorId } = await assertPostExists(tx, postId);
    const { count } = await tx.like.deleteMany({ where: { userId: viewerId, postId } });
    if (count === 0) return;
    await tx.post.update({ where: { id: postId }, data: { likeCount: { decrement: 1 } } });
    await tx.user.update({
      where: { id: authorId },
      data: { likesReceivedCount: { decrement: 1 } },
    });
  });
  return getPost(postId, viewerId);
}
