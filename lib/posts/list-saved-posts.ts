import "server-only";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

/**
 * The viewer's saved posts, most recently saved first, by keyset on (Save.createdAt, postId),
 * which the Save index serves directly. The cursor is scoped to the viewer, so one user's
 * cursor is refused in another's list. Posts by accounts blocked either way, suspended or deleted
 * are left out; a muted author's posts stay, since saving them was deliberate.
 */
export async function listSavedPosts(viewerId: string, page: TPageQuery): Promise<Page<TPost>> {
  const scope = `saved:${viewerId}`;
  const keys = keyset(page.cursor, scope, { columns: ["createdAt", "postId"] });
  const rows = await db.save.findMany({
    where: {
      userId: viewerId,
      ...keys.where,
      post: { author: visibleAuthorWhere(viewerId, { includeMuted: true }) },
    },
    orderBy: keys.orderBy,
    take: page.limit + 1,
    select: { postId: true, createdAt: true },
  });
  const { items: ids, nextCursor } = toPage(
    rows,
    page.limit,
    scope,
    keys.positionOf,
    (r) => r.postId,
  );
  // loadPosts keeps the order given; a post deleted since the first query is simply left out.
  return { items: await loadPosts(ids, viewerId), nextCursor };
}
