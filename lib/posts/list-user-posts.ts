import "server-only";
import { keyset, toPage, type Page } from "@/lib/api/pagination";
import type { TUserPostsQuery } from "@/lib/discovery/discovery.types";
import { db } from "@/lib/db";
import { findVisibleUserId } from "@/lib/safety/find-visible-user-id";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

/**
 * A profile's posts, newest first, by keyset on (createdAt, id) over the
 * (authorId, createdAt desc, id desc) index. The user is named by id or username; 404 if unknown,
 * suspended or deleted, or blocked either way. A muted user's own page still lists their posts.
 * `filter: "media"` keeps posts with media (the Media tab), walking the same index.
 */
export async function listUserPosts(
  ref: string,
  page: TUserPostsQuery,
  viewerId?: string,
): Promise<Page<TPost>> {
  const authorId = await findVisibleUserId(ref, viewerId);
  const scope = `user-posts:${authorId}${page.filter ? `:${page.filter}` : ""}`;
  const keys = keyset(page.cursor, scope);
  const rows = await db.post.findMany({
    where: {
      authorId,
      ...keys.where,
      ...(page.filter === "media" ? { media: { some: {} } } : {}),
    },
    orderBy: keys.orderBy,
    take: page.limit + 1,
    select: { id: true, createdAt: true },
  });
  const ids = toPage(rows, page.limit, scope, keys.positionOf, (r) => r.id);
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}
