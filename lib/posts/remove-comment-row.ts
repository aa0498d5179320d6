import "server-only";
import { ApiError } from "@/lib/api/errors";
import { Prisma, type Tx } from "@/lib/db";
import { assertPostExists } from "./assert-post-exists";

export type RemovedComment = {
  postId: string;
  authorId: string;
  text: string;
  /** True when it stays as a "[deleted]" placeholder for its replies. */
  kept: boolean;
};

type Locked = {
  postId: string;
  authorId: string | null;
  text: string;
  parentId: string | null;
  replyCount: number;
  deletedAt: Date | null;
};

/**
 * Inside the caller's transaction: deletes a comment and keeps every counter right. A top-level
 * comment with replies becomes a placeholder (no text, no author, deletedAt) that keeps them;
 * one without is removed. A reply is removed and counted off its top-level comment, and a
 * placeholder left with no replies goes too. Either way it leaves the post's commentCount (which
 * counts live comments and replies, never placeholders).
 *
 `deleter`, when given, must be the comment's author or the post's author (403 otherwise), checked
 * on the locked row and repeated in the write's own condition. Moderators pass null. Locks the
 * post first, in the order
 * deletePost and createComment use, then the comment, then its parent; createComment takes the
 * parent after the post as well, so neither waits on the other in a cycle.
 */
export async function removeCommentRow(
  tx: Tx,
  commentId: string,
  deleter: string | null,
): Promise<RemovedComment> {
  const notFound = new ApiError("not_found", "No such comment.");
  const found = await tx.comment.findUnique({ where: { id: commentId }, select: { postId: true } });
  if (!found) throw notFound;
  // (The post can only be missing if it was deleted a moment ago, taking the comment along.)
  const post = await assertPostExists(tx, found.postId).catch((error: unknown) => {
    throw error instanceof ApiError ? notFound : error;
  });
  const [row] = await tx.$queryRaw<Locked[]>(Prisma.sql`
    SELECT "postId", "authorId", text, "parentId", "replyCount", "deletedAt" FROM "Comment"
    WHERE id = ${commentId} FOR UPDATE`);
  // Gone, or already a placeholder, by a concurrent request in the meantime: counted off already.
  if (!row || row.deletedAt || !row.authorId) throw notFound;
  if (deleter !== null && row.authorId !== deleter && post.authorId !== deleter) {
    throw new ApiError(
      "forbidden",
      "Only the comment's author or the post's author can delete it.",
    );
  }
  // Prisma reads an undefined filter as "no filter": the caller's id is a string or null.
  const where: Prisma.CommentWhereInput = {
    id: commentId,
    ...(deleter === null ? {} : { OR: [{ authorId: deleter }, { post: { authorId: deleter } }] }),
  };
  const { count } =
    row.replyCount > 0
      ? await tx.comment.updateMany({
          where,
          data: { deletedAt: new Date(), text: "", authorId: null, replyToUserId: null },
        })
      : await tx.comment.deleteMany({ where });
  if (count === 0) throw notFound;
  await tx.post.update({
    where: { id: row.postId },
    data: { commentCount: { decrement: 1 } },
    select: { id: true },
  });
  if (row.parentId) {
    const parent = await tx.comment.update({
      where: { id: row.parentId },
      data: { replyCount: { decrement: 1 } },
      select: { replyCount: true, deletedAt: true },
    });
    if (parent.deletedAt && parent.replyCount <= 0) {
      await tx.comment.delete({ where: { id: row.parentId }, select: { id: true } });
    }
  }
  return { postId: row.postId, authorId: row.authorId, text: row.text, kept: row.replyCount > 0 };
}
