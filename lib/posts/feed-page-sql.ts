import { Prisma } from "@/lib/generated/prisma/client";
import type { FeedRow } from "./feed-ids-sql";
import { postsPageSql, type PostPageRow } from "./posts-page-sql";

/** A feed entry with its post: `entryAt` is when it entered the feed (posted, or reposted). */
export type FeedPageRow = PostPageRow &
  Pick<FeedRow, "reposter" | "reposterFollowsYou"> & { entryAt: Date };

/**
 * A page of feed entries (timelineIdsSql or fanOutOnReadSql) and their posts in one statement:
 * the entries are the page's `wanted` rows (posts-page-sql.ts), so reading the feed costs one
 * round trip, not one for the ids and another for the posts.
 */
export function feedPageSql(entries: Prisma.Sql, viewerId: string): Prisma.Sql {
  return postsPageSql(
    {
      wanted: Prisma.sql`(
        SELECT e.*, row_number() OVER (ORDER BY e."createdAt" DESC, e.id DESC) AS position
        FROM (${entries}) e) AS wanted`,
      columns: Prisma.sql`wanted."createdAt" AS "entryAt", wanted.reposter,
        wanted."reposterFollowsYou",`,
    },
    viewerId,
  );
}
