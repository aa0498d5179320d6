import "server-only";
import { Prisma } from "@/lib/db";
import { visibleAuthorSql } from "@/lib/safety/visibility";

const follows = (viewer: Prisma.Sql, user: Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Follow" f WHERE f."followerId" = ${viewer} AND f."followingId" = ${user})`;

/**
 * Which of `viewerIds` each home event (`post`, `delete`) among the LiveEvent rows matching
 * `events` concerns, as (eventId, viewerId) pairs: one statement for a batch of events and every
 * open home stream of a replica (live), or for one viewer and every event past an id (replay).
 *
 * The home feed's own sources (lib/posts/feed-ids-sql.ts): your posts and reposts and those of
 * the accounts you follow; hidden by the one visibility rule (lib/safety/visibility.ts): authors
 * and reposters blocked either way, muted, suspended or deleted never appear.
 * - post: the author's followers (and the author); a repost, the reposter's.
 * - delete of a post: the author's followers, and the followers of whoever had reposted it.
 * - delete of a repost (unrepost): the reposter's followers, unless they still have the post
 *   through its author.
 */
export function homeAudienceSql(events: Prisma.Sql, viewerIds: string[]): Prisma.Sql {
  const v = Prisma.raw("v.id");
  const author = Prisma.raw(`e."authorId"`);
  const reposter = Prisma.raw(`e."reposterId"`);
  const hasThroughAuthor = Prisma.sql`(${v} = ${author} OR ${follows(v, author)})`;
  const hasThroughReposter = Prisma.sql`(${v} = ${reposter} OR ${follows(v, reposter)})`;
  const hadThroughReposters = Prisma.sql`EXISTS (
    SELECT 1 FROM "Follow" f
    WHERE f."followerId" = ${v}
      AND f."followingId" IN (SELECT jsonb_array_elements_text(e.payload -> 'reposterIds')))`;
  return Prisma.sql`
    SELECT e.id::text AS "eventId", v.id AS "viewerId"
    FROM "LiveEvent" e CROSS JOIN unnest(${viewerIds}::text[]) AS v(id)
    WHERE e.kind IN ('post', 'delete') AND ${events}
      AND CASE
        WHEN e.kind = 'post' AND ${reposter} IS NULL THEN ${hasThroughAuthor}
        WHEN e.kind = 'post' THEN ${hasThroughReposter}
        WHEN ${reposter} IS NULL THEN ${hasThroughAuthor} OR ${hadThroughReposters}
        ELSE ${hasThroughReposter} AND NOT ${hasThroughAuthor}
      END
      AND ${visibleAuthorSql(author, v)}
      AND (${reposter} IS NULL OR ${visibleAuthorSql(reposter, v)})
    ORDER BY e.id`;
}
