import "server-only";
import { db } from "@/lib/db";
import { createNotifications } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

const EXCERPT_LENGTH = 140;

/** post.commented: tells the post's author, with an excerpt, unless the comment is gone. */
export async function notifyPostCommented({
  postId,
  authorId,
  commentId,
  commenterId,
}: {
  postId: string;
  authorId: string;
  commentId: string;
  commenterId: string;
}): Promise<number> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { text: true },
  });
  if (!comment) return 0;
  return createNotifications([
    {
      recipientId: authorId,
      kind: "comment",
      actorId: commenterId,
      postId,
      data: { commentId, excerpt: comment.text.slice(0, EXCERPT_LENGTH) },
      dedupeKey: dedupeKey.comment(commentId),
    },
  ]);
}
