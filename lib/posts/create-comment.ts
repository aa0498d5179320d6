import "server-only";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish-event";
import { publishMentions } from "@/lib/events/publish-mentions";
import { loadViewerRelations } from "@/lib/users/load-viewer-relations";
import { toUserSummary } from "@/lib/users/public-user";
import { USER_SUMMARY_SELECT } from "@/lib/users/user-summary-select";
import { assertPostExists } from "./assert-post-exists";
import type { TComment } from "./posts.types";

/** Comments on a post; the post's commentCount moves in the same transaction. */
export async function createComment(
  postId: string,
  viewerId: string,
  text: string,
): Promise<TComment> {
  const comment = await db.$transaction(async (tx) => {
    const { authorId } = await assertPostExists(tx, postId, {
      viewerId,
      action: "comment on their posts",
    });
    const created = await tx.comment.create({
      data: { postId, authorId: viewerId, text },
      select: { id: true, text: true, createdAt: true, author: { select: USER_SUMMARY_SELECT } },
    });
    await tx.post.update({ where: { id: postId }, data: { commentCount: { increment: 1 } } });
    const event = { postId, authorId, commentId: created.id, commenterId: viewerId };
    await publishEvent(tx, "post.commented", event);
    await publishMentions(tx, { actorId: viewerId, postId, commentId: created.id, text });
    return created;
  });
  const relations = await loadViewerRelations(viewerId, [viewerId]);
  return {
    id: comment.id,
    postId,
    author: toUserSummary(comment.author, relations.get(viewerId) ?? null),
    text: comment.text,
    createdAt: comment.createdAt.toISOString(),
    viewer: { canDelete: true },
  };
}
