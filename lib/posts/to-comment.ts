import "server-only";
import type { Prisma } from "@/lib/db";
import { toUserSummary } from "@/lib/users/public-user";
import { USER_SUMMARY_SELECT } from "@/lib/users/user-summary-select";
import type { TViewerRelation } from "@/lib/users/users.types";
import type { TComment } from "./posts.types";

/** The columns a comment (TComment) is built from: lists, replies and a new comment alike. */
export const COMMENT_SELECT = {
  id: true,
  postId: true,
  parentId: true,
  text: true,
  createdAt: true,
  deletedAt: true,
  replyCount: true,
  authorId: true,
  author: { select: USER_SUMMARY_SELECT },
  replyToUser: { select: { id: true, username: true, deletedAt: true } },
} satisfies Prisma.CommentSelect;

export type CommentRow = Prisma.CommentGetPayload<{ select: typeof COMMENT_SELECT }>;

/**
 * A comment row in the API's shape. A deleted placeholder shows neither text nor author, and
 * nobody may delete it again (it goes by itself with its last reply). `postAuthorId` decides,
 * with the comment's author, who may delete it.
 */
export function toComment(
  row: CommentRow,
  relations: Map<string, TViewerRelation | null>,
  viewerId: string | undefined,
  postAuthorId: string,
): TComment {
  const deleted = row.deletedAt !== null || !row.author;
  const replyTo = row.replyToUser && !row.replyToUser.deletedAt ? row.replyToUser : null;
  return {
    id: row.id,
    postId: row.postId,
    parentId: row.parentId,
    author:
      deleted || !row.author
        ? null
        : toUserSummary(row.author, relations.get(row.author.id) ?? null),
    text: deleted ? "" : row.text,
    createdAt: row.createdAt.toISOString(),
    deleted,
    replyTo: replyTo ? { id: replyTo.id, username: replyTo.username } : null,
    replyCount: row.replyCount,
    viewer: viewerId
      ? { canDelete: !deleted && (row.authorId === viewerId || postAuthorId === viewerId) }
      : null,
  };
}

/** The distinct authors of `rows`, for loadViewerRelations. */
export function commentAuthorIds(rows: CommentRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
}
