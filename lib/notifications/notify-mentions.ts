import "server-only";
import { db } from "@/lib/db";
import { createNotifications } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

const EXCERPT_LENGTH = 140;

/**
 * Tells users they were @mentioned by `actorId` in a post, or in a comment on it. Nothing when
 * the post or comment was deleted since; never the actor themself, nor, for a comment, the
 * post's author (told about the comment already); mutes respected.
 */
export async function notifyMentions({
  userIds,
  actorId,
  postId,
  commentId,
}: {
  userIds: string[];
  actorId: string;
  postId: string;
  commentId: string | null;
}): Promise<number> {
  if (userIds.length === 0) return 0;
  const post = await db.post.findUnique({ where: { id: postId }, select: { authorId: true } });
  if (!post) return 0;
  let data = {};
  let wanted = userIds;
  if (commentId) {
    const comment = await db.comment.findUnique({
      where: { id: commentId },
      select: { text: true },
    });
    if (!comment) return 0;
    data = { commentId, excerpt: comment.text.slice(0, EXCERPT_LENGTH) };
    // The post's author hears about the comment itself (post.commented): not twice.
    wanted = userIds.filter((id) => id !== post.authorId);
  }
  // Only users that still exist: a deleted account has no one to notify (and no foreign key).
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true } });
  return createNotifications(
    users.map((user) => ({
      recipientId: user.id,
      kind: "mention" as const,
      actorId,
      postId,
      data,
      dedupeKey: dedupeKey.mention(postId, commentId, user.id),
    })),
  );
}
