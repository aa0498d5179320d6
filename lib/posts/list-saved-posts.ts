import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

const ZPositionSchema = z.object({ t: z.iso.datetime(), id: z.string() });
type Position = z.infer<typeof ZPositionSchema>;

// Saves strictly after the cursor in (createdAt desc, postId desc) order.
function after(position: Position | undefined) {
  if (!position) return {};
  const t = new Date(position.t);
  return { OR: [{ createdAt: { lt: t } }, { createdAt: t, postId: { lt: position.id } }] };
}

/**
 * The viewer's saved posts, most recently saved first, by keyset on (Save.createdAt, postId),
 * which the Save index serves directly. The cursor is scoped to the viewer, so one user's
 * cursor is refused in another's list. Posts by accounts blocked either way, suspended or deleted
 * are left out; a muted author's posts stay, since saving them was deliberate.
 */
export async function listSavedPosts(viewerId: string, page: TPageQuery): Promise<Page<TPost>> {
  const scope = `saved:${viewerId}`;
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const rows = await db.save.findMany({
    where: {
      userId: viewerId,
      ...after(position),
      post: { author: visibleAuthorWhere(viewerId, { includeMuted: true }) },
    },
    orderBy: [{ createdAt: "desc" }, { postId: "desc" }],
    take: page.limit + 1,
    select: { postId: true, createdAt: true },
  });
  const { items: ids, nextCursor } = toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ t: r.createdAt.toISOString(), id: r.postId }),
    (r) => r.postId,
  );
  // loadPosts keeps the order given; a post deleted since the first query is simply left out.
  return { items: await loadPosts(ids, viewerId), nextCursor };
}
