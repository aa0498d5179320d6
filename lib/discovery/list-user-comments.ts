import "server-only";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { loadPosts } from "@/lib/posts/load-posts";
import { findVisibleUserId } from "@/lib/safety/find-visible-user-id";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import { COMMENT_SELECT, toComment } from "@/lib/posts/to-comment";
import { loadViewerRelations } from "@/lib/users/load-viewer-relations";
import type { TUserComment } from "./discovery.types";

/**
 * A profile's Replies tab: the user's comments, newest first, each with the post it answers as
 * the viewer sees it (a paid post stays a preview to non-buyers: loadPosts applies the paywall).
 * 404 for a user the viewer may not see; deleted placeholders are not theirs any more; comments on posts by accounts hidden from the viewer
 * (muted included, as in their other lists) are left out in the same statement. Keyset on
 * Comment(authorId, createdAt desc, id desc); the posts load in one batch, never one per comment.
 */
export async function listUserComments(
  ref: string,
  page: TPageQuery,
  viewerId?: string,
): Promise<Page<TUserComment>> {
  const authorId = await findVisibleUserId(ref, viewerId);
  const scope = `user-comments:${authorId}`;
  const keys = keyset(page.cursor, scope);
  const rows = await db.comment.findMany({
    where: {
      authorId,
      deletedAt: null,
      ...keys.where,
      post: { author: visibleAuthorWhere(viewerId) },
    },
    orderBy: keys.orderBy,
    take: page.limit + 1,
    select: { ...COMMENT_SELECT, post: { select: { authorId: true } } },
  });
  const postIds = [...new Set(rows.slice(0, page.limit).map((r) => r.postId))];
  const [posts, relations] = await Promise.all([
    loadPosts(postIds, viewerId),
    loadViewerRelations(viewerId, [authorId]),
  ]);
  const postsById = new Map(posts.map((p) => [p.id, p]));
  const result = toPage(rows, page.limit, scope, keys.positionOf, (r) => ({
    ...toComment(r, relations, viewerId, r.post.authorId),
    post: postsById.get(r.postId)!,
  }));
  // A post deleted between the two reads takes its comments with it (cascade): drop them too.
  return { ...result, items: result.items.filter((c) => c.post) };
}
