import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, type Tx } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish-event";
import { publishMentions } from "@/lib/events/publish-mentions";
import { assertNotBlocked } from "@/lib/safety/assert-not-blocked";
import { loadViewerRelations } from "@/lib/users/load-viewer-relations";
import { assertPostExists } from "./assert-post-exists";
import type { TComment } from "./posts.types";
import { COMMENT_SELECT, toComment } from "./to-comment";

type Thread = { parentId: string; replyToUserId: string | null };

/**
 * Where a reply to `targetId` goes, inside the write's transaction, after the post's lock: under
 * the target when it is a top-level comment, or under the target's own parent when it is a reply
 * (threads are one level deep), then answering the reply's author. Counts the reply on the
 * top-level comment in the same statement that finds it live (a deleted placeholder takes no new
 * direct replies; its thread can still go on). 404 for a comment of another post or a gone one;
 * 403 when the viewer and the answered author block each other.
 */
async function joinThread(
  tx: Tx,
  postId: string,
  targetId: string,
  viewerId: string,
): Promise<Thread> {
  const notFound = new ApiError("not_found", "No such comment on this post.");
  const target = await tx.comment.findFirst({
    where: { id: targetId, postId },
    select: { parentId: true, authorId: true, deletedAt: true },
  });
  if (!target || target.deletedAt || !target.authorId) throw notFound;
  await assertNotBlocked(viewerId, target.authorId, "reply to them", tx);
  const thread: Thread = target.parentId
    ? { parentId: target.parentId, replyToUserId: target.authorId }
    : { parentId: targetId, replyToUserId: null };
  // The row lock this update takes orders it with a concurrent delete of the parent, which reads
  // replyCount under the same lock to choose between a placeholder and removing the row.
  const { count } = await tx.comment.updateMany({
    where: target.parentId ? { id: thread.parentId } : { id: thread.parentId, deletedAt: null },
    data: { replyCount: { increment: 1 } },
  });
  if (count === 0) throw notFound;
  return thread;
}

/**
 * Comments on a post, or replies to one of its comments (`parentId`); the post's commentCount
 * (and a reply's top-level replyCount) move in the same transaction.
 */
export async function createComment(
  postId: string,
  viewerId: string,
  input: { text: string; parentId?: string },
): Promise<TComment> {
  const { text } = input;
  const { comment, postAuthorId } = await db.$transaction(async (tx) => {
    const { authorId } = await assertPostExists(tx, postId, {
      viewerId,
      action: "comment on their posts",
    });
    const thread = input.parentId ? await joinThread(tx, postId, input.parentId, viewerId) : null;
    const created = await tx.comment.create({
      data: { postId, authorId: viewerId, text, ...thread },
      select: COMMENT_SELECT,
    });
    await tx.post.update({ where: { id: postId }, data: { commentCount: { increment: 1 } } });
    if (thread) {
      const event = {
        postId,
        commentId: created.id,
        parentId: thread.parentId,
        replierId: viewerId,
      };
      await publishEvent(tx, "comment.replied", event);
    } else {
      const event = { postId, authorId, commentId: created.id, commenterId: viewerId };
      await publishEvent(tx, "post.commented", event);
    }
    await publishMentions(tx, { actorId: viewerId, postId, commentId: created.id, text });
    return { comment: created, postAuthorId: authorId };
  });
  const relations = await loadViewerRelations(viewerId, [viewerId]);
  return toComment(comment, relations, viewerId, postAuthorId);
}
