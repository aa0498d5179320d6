import "server-only";
import { liveTransaction } from "@/lib/streaming/live-transaction";
import { recordLiveEvents } from "@/lib/streaming/record-live-events";
import { assertPostExists } from "./assert-post-exists";
import { getPost } from "./get-post";
import type { TPost } from "./posts.types";

/** Takes back a repost. Idempotent: the count moves only when a row was actually deleted. */
export async function unrepostPost(postId: string, viewerId: string): Promise<TPost> {
  await liveTransaction(async (tx) => {
    const { authorId } = await assertPostExists(tx, postId);
    const { count } = await tx.repost.deleteMany({ where: { userId: viewerId, postId } });
    if (count === 0) return;
    await recordLiveEvents(tx, [{ kind: "delete", authorId, postId, reposterId: viewerId }]);
    await tx.post.update({ where: { id: postId }, data: { repostCount: { decrement: 1 } } });
  });
  return getPost(postId, viewerId);
}
