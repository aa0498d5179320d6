import "server-only";
import { ApiError } from "@/lib/api/errors";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import { loadViewerRelations } from "@/lib/users/load-viewer-relations";
import type { TComment } from "./posts.types";
import { COMMENT_SELECT, commentAuthorIds, toComment } from "./to-comment";

/**
 * A post's top-level comments, oldest first (a conversation reads in order), by keyset on
 * (createdAt, id), which the Comment index serves directly; replies come from listReplies.
 * Public; signed in, each comment says whether the viewer may delete it (its author, or the
 * post's author). Three queries plus two for the viewer's relations, however long the page. A
 * post by an account blocked either way (or suspended) is unknown (404); comments by accounts
 * hidden from the viewer, muted ones included, are left out in the same statement. Deleted
 * placeholders stay: their replies hang under them.
 */
export async function listComments(
  postId: string,
  page: TPageQuery,
  viewerId?: string,
): Promise<Page<TComment>> {
  const post = await db.post.findFirst({
    where: { id: postId, author: visibleAuthorWhere(viewerId, { includeMuted: true }) },
    select: { authorId: true },
  });
  if (!post) throw new ApiError("not_found", "No such post.");
  const scope = `comments:${postId}`;
  const keys = keyset(page.cursor, scope, { direction: "asc" });
  const rows = await db.comment.findMany({
    where: {
      postId,
      parentId: null,
      ...keys.where,
      AND: [{ OR: [{ deletedAt: { not: null } }, { author: visibleAuthorWhere(viewerId) }] }],
    },
    orderBy: keys.orderBy,
    take: page.limit + 1,
    select: COMMENT_SELECT,
  });
  const relations = await loadViewerRelations(viewerId, commentAuthorIds(rows));
  return toPage(rows, page.limit, scope, keys.positionOf, (r) =>
    toComment(r, relations, viewerId, post.authorId),
  );
}
