import "server-only";
import { db } from "@/lib/db";
import { assertPostExists } from "./assert-post-exists";
import { getPost } from "./get-post";
import type { TPost, TReactionEmoji } from "./posts.types";

/**
 * Removes the viewer's `emoji` from a post. Idempotent: the counters move only when a Reaction
 * row was deleted, in the same transaction and in the same lock order as addReaction.
 */
export async function removeReaction(
  postId: string,
  viewerId: string,
  emoji: TReactionEmoji,
): Promise<TPost> {
  await db.$transaction(async (tx) => {
    await assertPostExists(tx, postId);
    const { count } = await tx.reaction.deleteMany({ where: { userId: viewerId, postId, emoji } });
    if (count === 0) return;
    await tx.post.update({ where: { id: postId }, data: { reactionCount: { decrement: 1 } } });
    // A count that reaches 0 keeps its row (at most one per allowed emoji); posts are read with
    // `count > 0`, and keeping it means add never races a delete of the same row.
    await tx.postReactionCount.updateMany({
      where: { postId, emoji },
      data: { count: { decrement: 1 } },
    });
  });
  return getPost(postId, viewerId);
}
