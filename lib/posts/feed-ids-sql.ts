import { Prisma } from "@/lib/generated/prisma/client";

export type FeedPosition = { createdAt: Date; id: string };

/**
 * The ids of a page of the viewer's home feed: their own posts and those of everyone they
 * follow, newest first, past `after`. For each author, the newest `take` posts past the cursor
 * from the (authorId, createdAt desc, id desc) index, then the newest `take` of those: its cost
 * is bounded by authors × page size, however many posts each has written, where
 * `authorId IN (...) ORDER BY createdAt` could end up sorting everything they ever wrote.
 * Kept apart from lib/posts/list-feed.ts so the benchmark can run the same SQL through raw `pg`.
 */
export function feedIdsSql(viewerId: string, after: FeedPosition | null, take: number): Prisma.Sql {
  // A row comparison is what lets PostgreSQL start each index range right after the cursor
  // (an `a < x OR (a = x AND b < y)` filter would read every row above it first).
  const afterCursor = after
    ? Prisma.sql`AND ("createdAt", id) < (${after.createdAt}, ${after.id})`
    : Prisma.empty;
  return Prisma.sql`
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
}
