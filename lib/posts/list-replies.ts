import "server-only";
import { ApiError } from "@/lib/api/errors";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import { loadViewerRelations } from "@/lib/users/load-viewer-relations";
import type { TComment } from "./posts.types";
import { COMMENT_SELECT, commentAuthorIds, toComment } from "./to-comment";

/**
 * The replies under a top-level comment, oldest first, in the same shape and by the same rules
 * as listComments: unknown (404) when the comment is, or when its post is hidden from the viewer
 * (its author blocked either way, or suspended); replies by hidden or muted accounts left out.
 * A reply has no replies of its own (threads are one level deep), so its list is empty.
 */
export async function listReplies(
  commentId: string,
  page: TPageQuery,
  viewerId?: string,
): Promise<Page<TComment>> {
  const parent = await db.comment.findFirst({
    where: {
      id: commentId,
      post: { author: visibleAuthorWhere(viewerId, { includeMuted: true }) },
    },
    select: { post: { select: { authorId: true } } },
  });
  if (!parent) throw new ApiError("not_found", "No such comment.");
  const scope = `replies:${commentId}`;
  const keys = keyset(page.cursor, scope, { direction: "asc" });
  const rows = await db.comment.findMany({
    where: { parentId: commentId, ...keys.where, author: visibleAuthorWhere(viewerId) },
    orderBy: keys.orderBy,
    take: page.limit + 1,
    select: COMMENT_SELECT,
  });
  const relations = await loadViewerRelations(viewerId, commentAuthorIds(rows));
  return toPage(rows, page.limit, scope, keys.positionOf, (r) =>
    toComment(r, relations, viewerId, parent.post.authorId),
  );
}
