import "server-only";
import { db } from "@/lib/db";
import { removeCommentRow } from "@/lib/posts/remove-comment-row";
import { recordAction } from "./record-action";
import type { TRemoveContentBody } from "./moderation.types";

/**
 * A moderator deletes someone's comment (keeping a placeholder when it has replies), takes it
 * off the counters, closes its open reports and logs the action with a snapshot of the text, in one transaction.
 */
export async function removeComment(
  moderatorId: string,
  commentId: string,
  input: TRemoveContentBody,
): Promise<void> {
  await db.$transaction(async (tx) => {
    // One with replies stays as a "[deleted]" placeholder for them, as when its author deletes it.
    const comment = await removeCommentRow(tx, commentId, null);
    await recordAction(tx, {
      moderatorId,
      kind: "remove_comment",
      targetType: "comment",
      targetId: commentId,
      reason: input.reason,
      reportId: input.reportId,
      snapshot: { text: comment.text, authorId: comment.authorId, postId: comment.postId },
    });
  });
}
