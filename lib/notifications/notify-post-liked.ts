import "server-only";
import { db } from "@/lib/db";
import { createNotifications } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

/** post.liked: tells the author, unless the like was taken back (or the post deleted) since. */
export async function notifyPostLiked({
  postId,
  authorId,
  likerId,
}: {
  postId: string;
  authorId: string;
  likerId: string;
}): Promise<number> {
  const like = await db.like.findUnique({
    where: { userId_postId: { userId: likerId, postId } },
    select: { postId: true },
  });
  if (!like) return 0;
  return createNotifications([
    {
      recipientId: authorId,
      kind: "like",
      actorId: likerId,
      postId,
      dedupeKey: dedupeKey.like(postId, likerId),
    },
  ]);
}
