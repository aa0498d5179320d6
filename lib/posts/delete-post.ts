import "server-only";
import { db } from "@/lib/db";
import { findPostForAuthor } from "./find-post-for-author";

/**
 * Deletes the viewer's own post and everything hanging off it (likes, reactions, saves,
 * comments, edits, tags and mentions go by ON DELETE CASCADE), and takes its numbers off the
 * author's counters in the same transaction.
 */
export async function deletePost(postId: string, viewerId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const post = await findPostForAuthor(tx, postId, viewerId);
    await tx.post.delete({ where: { id: postId, authorId: viewerId } });
    await tx.user.update({
      where: { id: viewerId },
      data: { postsCount: { decrement: 1 }, likesReceivedCount: { decrement: post.likeCount } },
    });
  });
}
