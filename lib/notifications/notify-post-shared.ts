import "server-only";
import { db } from "@/lib/db";
import { createNotifications } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

/**
 * post.shared: tells the original's author of a repost or a quote, unless it was undone (the
 * repost taken back, the quote deleted) since, or it was their own post.
 */
export async function notifyPostShared({
  postId,
  authorId,
  sharerId,
  quotePostId,
}: {
  postId: string;
  authorId: string;
  sharerId: string;
  quotePostId?: string;
}): Promise<number> {
  if (authorId === sharerId) return 0;
  const stillThere = quotePostId
    ? await db.post.findUnique({ where: { id: quotePostId }, select: { id: true } })
    : await db.repost.findUnique({
        where: { userId_postId: { userId: sharerId, postId } },
        select: { postId: true },
      });
  if (!stillThere) return 0;
  return createNotifications([
    quotePostId
      ? {
          recipientId: authorId,
          kind: "quote",
          actorId: sharerId,
          postId: quotePostId,
          dedupeKey: dedupeKey.quote(quotePostId),
        }
      : {
          recipientId: authorId,
          kind: "repost",
          actorId: sharerId,
          postId,
          dedupeKey: dedupeKey.repost(postId, sharerId),
        },
  ]);
}
