import "server-only";
import { db } from "@/lib/db";
import { assertPostExists } from "./assert-post-exists";
import { answerPost } from "./get-post";
import type { TPost, TReactionEmoji } from "./posts.types";

/**
 * Adds the viewer's `emoji` to a post. A viewer may add several different emoji, each once;
 * adding one again changes nothing. Post.reactionCount and the per-emoji PostReactionCount move
 * only when a Reaction row was inserted, in the same transaction.
 */
export async function addReaction(
  postId: string,
  viewerId: string,
  emoji: TReactionEmoji,
): Promise<TPost> {
  await db.$transaction(async (tx) => {
    await assertPostExists(tx, postId, { viewerId, action: "react to their posts" });
    const { count } = await tx.reaction.createMany({
      data: [{ userId: viewerId, postId, emoji }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    // The post's row first: its update lock is held to commit, so every reaction write on this
    // post runs the per-emoji upsert below one at a time, and two first reactions with the same
    // emoji can't both try to create its row.
    await tx.post.update({ where: { id: postId }, data: { reactionCount: { increment: 1 } } });
    await tx.postReactionCount.upsert({
      where: { postId_emoji: { postId, emoji } },
      create: { postId, emoji, count: 1 },
      update: { count: { increment: 1 } },
    });
  });
  return answerPost(postId, viewerId);
}
