import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { findVisibleUserId } from "@/lib/safety/find-visible-user-id";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

const ZPositionSchema = z.object({ t: z.iso.datetime(), id: z.string() });
type Position = z.infer<typeof ZPositionSchema>;

// Posts strictly after the cursor in (createdAt desc, id desc) order. `lte` bounds the index
// range at the cursor, so a deep page doesn't read every newer post again; the OR only sorts out
// posts written in the same millisecond.
function after(position: Position | undefined) {
  if (!position) return {};
  const t = new Date(position.t);
  return { createdAt: { lte: t }, OR: [{ createdAt: { lt: t } }, { id: { lt: position.id } }] };
}

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
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const rows = await db.post.findMany({
    where: { authorId, ...after(position) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: { id: true, createdAt: true },
  });
  const ids = toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
    (r) => r.id,
  );
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}
