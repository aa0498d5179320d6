import "server-only";
import type { Tx } from "@/lib/db";
import { recordLiveEvents } from "@/lib/streaming/record-live-events";

/**
 * The part of deleting a post shared by its author (delete-post.ts) and a moderator
 * (lib/moderation/remove-post.ts): inside the caller's transaction, with the post row already
 * locked FOR UPDATE (so no media can be attached between the read and the delete), deletes the
 * post (likes, reactions, saves, comments, edits, tags, mentions and media rows go by ON DELETE
 * CASCADE) and takes its numbers off the author's counters. Answers the media rows whose files
 * the caller deletes once the transaction has committed. Run it in liveTransaction: open home
 * streams are told the post left (lib/streaming), including its reposters' followers.
 */
export async function deletePostRows(
  tx: Tx,
  post: { id: string; authorId: string; likeCount: number },
) {
  const attached = await tx.media.findMany({
    where: { postId: post.id },
    select: { fileKey: true, thumbnailKey: true, posterKey: true },
  });
  // Read before the cascade takes them; capped, as a feed shows a post once however shared.
  const reposts = await tx.repost.findMany({
    where: { postId: post.id },
    select: { userId: true },
    take: 1_000,
  });
  const { quotedPostId } = await tx.post.delete({
    where: { id: post.id, authorId: post.authorId },
    select: { quotedPostId: true },
  });
  // A quote going takes itself off its original's count (the original may be gone already).
  if (quotedPostId) {
    await tx.post.updateMany({
      where: { id: quotedPostId, quoteCount: { gt: 0 } },
      data: { quoteCount: { decrement: 1 } },
    });
  }
  await tx.user.update({
    where: { id: post.authorId },
    data: { postsCount: { decrement: 1 }, likesReceivedCount: { decrement: post.likeCount } },
  });
  await recordLiveEvents(tx, [
    {
      kind: "delete",
      authorId: post.authorId,
      postId: post.id,
      reposterIds: reposts.map((r) => r.userId),
    },
  ]);
  return attached;
}
