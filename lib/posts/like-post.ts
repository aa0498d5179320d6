import "server-only";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish-event";
import { assertPostExists } from "./assert-post-exists";
import { answerPost } from "./get-post";
import type { TPost } from "./posts.types";

/**
 * Likes a post. Idempotent: liking twice, or twice at once, makes one Like, and the post's
 * likeCount and the author's likesReceivedCount move only when a row was actually inserted, in
 * the same transaction. Answers the post as the viewer now sees it.
 */
export async function likePost(postId: string, viewerId: string): Promise<TPost> {
  await db.$transaction(async (tx) => {
    const { authorId } = await assertPostExists(tx, postId, {
      viewerId,
      action: "like their posts",
    });
    // ON CONFLICT DO NOTHING: a concurrent duplicate waits for the first insert and counts 0.
    const { count } = await tx.like.createMany({
      data: [{ userId: viewerId, postId }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    // Relative increments, not read-then-write, so likes by different people all count.
    await tx.post.update({ where: { id: postId }, data: { likeCount: { increment: 1 } } });
    await tx.user.update({
      where: { id: authorId },
      data: { likesReceivedCount: { increment: 1 } },
    });
    await publishEvent(tx, "post.liked", { postId, authorId, likerId: viewerId });
  });
  return answerPost(postId, viewerId);
}
