import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { queryRows } from "@/lib/db";
import { feedIdsSql } from "./feed-ids-sql";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

const ZPositionSchema = z.object({ t: z.iso.datetime(), id: z.string() });

type Row = { id: string; createdAt: Date };

/**
 * The viewer's home feed: their own posts and those of everyone they follow, newest first,
 * by keyset on (createdAt, id). Fanned out on read (see "How the feed is built" in the README):
 * nothing is copied into timelines when someone posts, the feed is assembled by feedIdsSql.
 */
export async function listFeed(viewerId: string, page: TPageQuery): Promise<Page<TPost>> {
  // Scoped to the viewer, so a cursor can't be replayed in somebody else's feed.
  const scope = `feed:${viewerId}`;
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const after = position ? { createdAt: new Date(position.t), id: position.id } : null;
  const rows = await queryRows<Row>(feedIdsSql(viewerId, after, page.limit + 1));

  const ids = toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
    (r) => r.id,
  );
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}
