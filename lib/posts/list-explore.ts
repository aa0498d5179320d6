import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

// hotScore is a float8 and JSON numbers are doubles: the position survives the cursor exactly,
// which the equality half of the keyset condition needs.
const ZPositionSchema = z.object({ score: z.number(), id: z.string() });

/**
 * Everyone's posts, hottest first: by the generated `hotScore` column (engagement on a log
 * scale plus creation time, so that newer posts overtake older ones unless those keep being
 * engaged with), keyset on (hotScore, id) over the (hotScore desc, id desc) index.
 *
 * A post's score moves when it is liked or commented on, so a post can move across the cursor
 * between two pages and show up twice or not at all. That's accepted for a discovery list;
 * each page is still ordered and cheap.
 */
export async function listExplore(page: TPageQuery, viewerId?: string): Promise<Page<TPost>> {
  const scope = "explore";
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const rows = await db.post.findMany({
    // `lte` bounds the index range at the cursor; the OR only sorts out ties on the score.
    where: position
      ? {
          hotScore: { lte: position.score },
          OR: [{ hotScore: { lt: position.score } }, { id: { lt: position.id } }],
        }
      : {},
    orderBy: [{ hotScore: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: { id: true, hotScore: true },
  });
  const ids = toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ score: r.hotScore, id: r.id }),
    (r) => r.id,
  );
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}
