import "server-only";
import { Prisma } from "@/lib/db";
import type { TTimelineEntryRef } from "./timeline.types";

/**
 * The time an entry takes in timelines, as an SQL query of one row (`"createdAt"`): the post's,
 * or the repost's; no row when it is gone (deleted or unreposted meanwhile), so whatever copies
 * it copies nothing.
 */
export function entryTimeSql({ kind, postId, sourceId }: TTimelineEntryRef): Prisma.Sql {
  return Prisma.sql`
      SELECT p."createdAt" FROM "Post" p
      WHERE ${kind} = 'post' AND p.id = ${postId} AND p."authorId" = ${sourceId}
      UNION ALL
      SELECT r."createdAt" FROM "Repost" r
      WHERE ${kind} = 'repost' AND r."userId" = ${sourceId} AND r."postId" = ${postId}`;
}
