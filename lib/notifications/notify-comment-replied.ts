import "server-only";
import { db } from "@/lib/db";
import { createNotifications, type NewNotification } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

const EXCERPT_LENGTH = 140;

/**
 * comment.replied: tells the author of the comment replied to (the top-level comment's, and for
 * a reply to a reply also the person it answers), with an excerpt, unless the reply is gone.
 * createNotifications leaves out the replier themselves, blocks and muted kinds; a placeholder
 * parent has no author to tell.
 */
export async function notifyCommentReplied({
  postId,
  commentId,
  parentId,
  replierId,
}: {
  postId: string;
  commentId: string;
  parentId: string;
  replierId: string;
}): Promise<number> {
  const reply = await db.comment.findUnique({
    where: { id: commentId },
    select: { text: true, replyToUserId: true, parent: { select: { authorId: true } } },
  });
  if (!reply) return 0;
  const recipients = new Set(
    [reply.parent?.authorId, reply.replyToUserId].filter((id): id is string => Boolean(id)),
  );
  const data = { commentId, parentId, excerpt: reply.text.slice(0, EXCERPT_LENGTH) };
  const rows: NewNotification[] = [...recipients].map((recipientId) => ({
    recipientId,
    kind: "reply",
    actorId: replierId,
    postId,
    data,
    dedupeKey: dedupeKey.reply(commentId, recipientId),
  }));
  return createNotifications(rows);
}
