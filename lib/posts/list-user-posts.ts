import "server-only";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { findVisibleUserId } from "@/lib/safety/find-visible-user-id";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

/**
 * A profile's posts, newest first, by keyset on (createdAt, id) over the
 * (authorId, createdAt desc, id desc) index. The user is named by id or username; 404 if unknown,
 * suspended or deleted, or blocked either way. A muted user's own page still lists their posts.
 */
export async function listUserPosts(
  ref: string,
  page: TPageQuery,
  viewerId?: string,
): Promise<Page<TPost>> {
  const authorId = await findVisibleUserId(ref, viewerId);
  const scope = `user-posts:${authorId}`;
  const keys = keyset(page.cursor, scope);
  const rows = await db.post.findMany({
    where: { authorId, ...keys.where },
    orderBy: keys.orderBy,
    take: page.limit + 1,
    select: { id: true, createdAt: true },
  });
  const ids = toPage(rows, page.limit, scope, keys.positionOf, (r) => r.id);
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}
