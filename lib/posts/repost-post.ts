import "server-only";
import { liveTransaction } from "@/lib/streaming/live-transaction";
import { recordLiveEvents } from "@/lib/streaming/record-live-events";
import { publishEvent } from "@/lib/events/publish-event";
import { assertPostExists } from "./assert-post-exists";
import { getPost } from "./get-post";
import type { TPost } from "./posts.types";

/**
 * Reposts a post to the viewer's followers' feeds. Idempotent like a like: the count moves and
 * the author is told only when a Repost row was actually inserted, in the same transaction.
 * Refused (403) between accounts that block each other.
 */
export async function repostPost(postId: string, viewerId: string): Promise<TPost> {
  await liveTransaction(async (tx) => {
    const { authorId } = await assertPostExists(tx, postId, { viewerId, action: "repost" });
    const createdAt = new Date();
    const { count } = await tx.repost.createMany({
      data: [{ userId: viewerId, postId, createdAt }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    await recordLiveEvents(tx, [
      { kind: "post", authorId, postId, reposterId: viewerId, createdAt },
    ]);
    await tx.post.update({ where: { id: postId }, data: { repostCount: { increment: 1 } } });
    await publishEvent(tx, "post.shared", { postId, authorId, sharerId: viewerId });
  });
  return getPost(postId, viewerId);
}
