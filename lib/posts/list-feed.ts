import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db, Prisma } from "@/lib/db";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

const ZPositionSchema = z.object({ t: z.iso.datetime(), id: z.string() });

type Row = { id: string; createdAt: Date };

/**
 * The viewer's home feed: their own posts and those of everyone they follow, newest first,
 * by keyset on (createdAt, id). Fanned out on read (see "How the feed is built" in the README):
 * nothing is copied into timelines when someone posts, the feed is assembled here.
 */
export async function listFeed(viewerId: string, page: TPageQuery): Promise<Page<TPost>> {
  // Scoped to the viewer, so a cursor can't be replayed in somebody else's feed.
  const scope = `feed:${viewerId}`;
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const take = page.limit + 1;

  // A row comparison is what lets PostgreSQL start each index range right after the cursor
  // (an `a < x OR (a = x AND b < y)` filter would read every row above it first).
  const afterCursor = position
    ? Prisma.sql`AND ("createdAt", id) < (${new Date(position.t)}, ${position.id})`
    : Prisma.empty;

  // One query: for each author (the people followed, plus the viewer), the newest `take` posts
  // past the cursor from the (authorId, createdAt desc, id desc) index, then the newest `take`
  // of those. Its cost is bounded by authors × page size, however many posts each has written,
  // where `authorId IN (...) ORDER BY createdAt` could end up sorting everything they ever wrote.
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.id, p."createdAt"
    FROM (
      SELECT "followingId" AS "authorId" FROM "Follow" WHERE "followerId" = ${viewerId}
      UNION
      SELECT ${viewerId}
    ) authors
    CROSS JOIN LATERAL (
      SELECT id, "createdAt"
      FROM "Post"
      WHERE "authorId" = authors."authorId" ${afterCursor}
      ORDER BY "createdAt" DESC, id DESC
      LIMIT ${take}
    ) p
    ORDER BY p."createdAt" DESC, p.id DESC
    LIMIT ${take}`;

  const ids = toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
    (r) => r.id,
  );
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}
