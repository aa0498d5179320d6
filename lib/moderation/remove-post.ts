import "server-only";
import { ApiError } from "@/lib/api/errors";
import { liveTransaction } from "@/lib/streaming/live-transaction";
import { deleteMediaFiles, mediaFileKeys } from "@/lib/media/delete-media-files";
import { deletePostRows } from "@/lib/posts/delete-post-rows";
import { recordAction } from "./record-action";
import type { TRemoveContentBody } from "./moderation.types";

/**
 * A moderator deletes someone's post: the same delete as the author's (counters, cascades,
 * media files after commit), plus closing its open reports and logging the action with a
 * snapshot of the text, all in one transaction.
 */
export async function removePost(
  moderatorId: string,
  postId: string,
  input: TRemoveContentBody,
): Promise<void> {
  const media = await liveTransaction(async (tx) => {
    // FOR UPDATE, as the author's delete locks it: concurrent likes and comments wait.
    const [post] = await tx.$queryRaw<
      { id: string; authorId: string; text: string; likeCount: number }[]
    >`SELECT id, "authorId", text, "likeCount" FROM "Post" WHERE id = ${postId} FOR UPDATE`;
    if (!post) throw new ApiError("not_found", "No such post.");
    const attached = await deletePostRows(tx, post);
    await recordAction(tx, {
      moderatorId,
      kind: "remove_post",
      targetType: "post",
      targetId: post.id,
      reason: input.reason,
      reportId: input.reportId,
      snapshot: { text: post.text, authorId: post.authorId },
    });
    return attached;
  });
  await deleteMediaFiles(media.flatMap(mediaFileKeys));
}
