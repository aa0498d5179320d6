import "server-only";
import { publishEvent } from "@/lib/events/publish-event";
import { attachMediaToPost } from "@/lib/media/attach-media-to-post";
import { metrics } from "@/lib/metrics";
import { liveTransaction } from "@/lib/streaming/live-transaction";
import { recordLiveEvents } from "@/lib/streaming/record-live-events";
import { assertPostExists } from "./assert-post-exists";
import { loadPosts } from "./load-posts";
import type { TCreatePostBody, TPost } from "./posts.types";
import { syncPostLinks } from "./sync-post-links";

/**
 * Publishes a post: the row, its hashtags and mentions, its media, the author's count and, for a
 * quote, the original's count, all at once (media that can't be attached fails the whole post).
 */
export async function createPost(authorId: string, input: TCreatePostBody): Promise<TPost> {
  const id = await liveTransaction(async (tx) => {
    // A quote's original must exist and be reachable: not from someone either side blocks.
    const quoted = input.quotedPostId
      ? await assertPostExists(tx, input.quotedPostId, { viewerId: authorId, action: "quote" })
      : null;
    const post = await tx.post.create({
      data: {
        authorId,
        text: input.text,
        contentWarning: input.contentWarning ?? null,
        priceAmount: input.price?.amount ?? null,
        priceCurrency: input.price?.currency ?? null,
        quotedPostId: input.quotedPostId ?? null,
      },
      select: { id: true, createdAt: true },
    });
    if (quoted && input.quotedPostId) {
      await tx.post.update({
        where: { id: input.quotedPostId },
        data: { quoteCount: { increment: 1 } },
      });
      await publishEvent(tx, "post.shared", {
        postId: input.quotedPostId,
        authorId: quoted.authorId,
        sharerId: authorId,
        quotePostId: post.id,
      });
    }
    const mentionedUserIds = await syncPostLinks(tx, post.id, input.text, post.createdAt);
    if (input.mediaIds?.length) await attachMediaToPost(tx, authorId, post.id, input.mediaIds);
    await tx.user.update({ where: { id: authorId }, data: { postsCount: { increment: 1 } } });
    await publishEvent(tx, "post.created", { postId: post.id, authorId, mentionedUserIds });
    // Open home streams learn of it from this one row, whoever and however many follow.
    await recordLiveEvents(tx, [
      { kind: "post", authorId, postId: post.id, createdAt: post.createdAt },
    ]);
    return post.id;
  });
  metrics().postsCreated.inc();
  const [post] = await loadPosts([id], authorId);
  return post!;
}
