import type { TPosition } from "@/lib/api/keyset";
import { existsProbeSql } from "@/lib/database/exists-probe-sql";
import { selectJsonSql } from "@/lib/database/select-json-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import { USER_SUMMARY_SELECT, type UserSummaryRow } from "@/lib/users/user-summary-select";

/** A feed entry: a post, at the time it was written or, if someone followed reposted it, then. */
export type FeedRow = {
  id: string;
  createdAt: Date;
  reposter: UserSummaryRow | null;
  reposterFollowsYou: boolean;
};

// Every statement here has the same text whatever its inputs but one (the muted words are one
// array parameter, the first page a cursor at 'infinity'): whether the viewer mutes any words,
// which feedStatementName tells apart. So `queryRows` runs each as a named prepared statement,
// planned once per connection (lib/db.ts).

/**
 * The prepared statement's name for a feed page (list-feed.ts) from `source`: one per text, and
 * muting words changes the text (readOnTheFlySql).
 */
export function feedStatementName(source: "timeline" | "fan-out", mutedWords: string[]): string {
  return `feed-${source}${mutedWords.length > 0 ? "-muted" : ""}`;
}

/** Where a page starts: right after `after`, or before everything on the first page. */
type Start = { t: Prisma.Sql; id: Prisma.Sql | string };

function startOf(after: TPosition | null | undefined): Start {
  return { t: Prisma.sql`${after?.t ?? "infinity"}::timestamp`, id: after?.id ?? "" };
}

/** LIKE patterns for the viewer's muted words (a post containing one is hidden). */
function mutedPatterns(mutedWords: string[]): string[] {
  return mutedWords.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** Who the viewer reads: themselves and everyone they follow, when they may see them. */
function readsSql(viewerId: string, user: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${user} = ${viewerId} OR EXISTS (
      SELECT 1 FROM "Follow" rf WHERE rf."followerId" = ${viewerId} AND rf."followingId" = ${user}))
    AND ${visibleAuthorSql(user, viewerId)}`;
}

/**
 * The conditions on one appearance of a post (its own, or a repost at `at`): shown at its
 * newest appearance only (a post by someone you follow that a friend reposts moves up with the
 * repost instead of showing twice), and not when its text has a muted word or, for a repost,
 * its author is hidden. Both the fan-out on read and the timeline check these on every row
 * they read, before their LIMIT, so a hidden row never takes the place of a shown one.
 */
function appearanceSql(
  viewerId: string,
  words: string[],
  post: { id: Prisma.Sql; at: Prisma.Sql; text: Prisma.Sql },
): Prisma.Sql {
  return Prisma.sql`${notMutedSql(words, post.text)} AND ${newestAppearanceSql(viewerId, post)}`;
}

function notMutedSql(words: string[], text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`NOT (lower(${text}) LIKE ANY (${words}::text[]))`;
}

function newestAppearanceSql(viewerId: string, post: { id: Prisma.Sql; at: Prisma.Sql }) {
  return Prisma.sql`NOT EXISTS (
      SELECT 1 FROM "Repost" newer
      WHERE newer."postId" = ${post.id} AND newer."createdAt" > ${post.at}
        AND ${readsSql(viewerId, Prisma.raw(`newer."userId"`))})`;
}

/**
 * The entries of the accounts in `sources` (a relation with an `id` column), fanned out on
 * read: for each one, its newest `take` posts and its newest `take` reposts past `start` and
 * at or above `floor`, from the (authorId, createdAt desc, id desc) and (userId, createdAt desc,
 * postId desc) indexes. The cost is bounded by accounts × page size, however many posts each
 * has written, where `authorId IN (...) ORDER BY createdAt` could sort all they ever wrote.
 */
function readOnTheFlySql(
  viewerId: string,
  sources: Prisma.Sql,
  start: Start,
  floor: Start,
  take: number,
  words: string[],
): Prisma.Sql {
  // A viewer without muted words reads the posts from the index alone, without their text. The
  // two cases are two texts (feedStatementName names each): as two branches of one text, the
  // one PostgreSQL skips at run time still counted in the generic plan's cost, which then lost
  // to custom plans, so the statement was planned on every call (on the bench's page 500, 4 ms
  // of planning for 5 of execution).
  const ownPosts = Prisma.sql`(
      SELECT p.id, p."createdAt" FROM "Post" p
      WHERE p."authorId" = src.id
        ${words.length > 0 ? Prisma.sql`AND ${notMutedSql(words, Prisma.raw("p.text"))}` : Prisma.empty}
        AND (p."createdAt", p.id) < (${start.t}, ${start.id})
        AND (p."createdAt", p.id) >= (${floor.t}, ${floor.id})
        AND ${newestAppearanceSql(viewerId, { id: Prisma.raw("p.id"), at: Prisma.raw(`p."createdAt"`) })}
      ORDER BY p."createdAt" DESC, p.id DESC
      LIMIT ${take})`;
  return Prisma.sql`
    SELECT own.id, own."createdAt", NULL::text AS "reposterId"
    FROM ${sources} src
    CROSS JOIN LATERAL ${ownPosts} own
    UNION ALL
    SELECT shared."postId", shared."createdAt", src.id
    FROM ${sources} src
    CROSS JOIN LATERAL (
      SELECT r."postId", r."createdAt" FROM "Repost" r JOIN "Post" o ON o.id = r."postId"
      WHERE r."userId" = src.id
        AND (r."createdAt", r."postId") < (${start.t}, ${start.id})
        AND (r."createdAt", r."postId") >= (${floor.t}, ${floor.id})
        AND ${visibleAuthorSql(Prisma.raw(`o."authorId"`), viewerId)}
        AND ${appearanceSql(viewerId, words, { id: Prisma.raw(`r."postId"`), at: Prisma.raw(`r."createdAt"`), text: Prisma.raw("o.text") })}
      ORDER BY r."createdAt" DESC, r."postId" DESC
      LIMIT ${take}
    ) shared`;
}

/** The newest `take` of `entries`, each post once (two appearances at one instant: one kept). */
function newestSql(entries: Prisma.Sql, take: number): Prisma.Sql {
  return Prisma.sql`SELECT DISTINCT ON (e."createdAt", e.id) e.id, e."createdAt", e."reposterId"
    FROM (${entries}) e
    ORDER BY e."createdAt" DESC, e.id DESC, e."reposterId" DESC NULLS LAST
    LIMIT ${take}`;
}

const NO_FLOOR: Start = { t: Prisma.sql`'-infinity'::timestamp`, id: "" };

/**
 * Fan-out on read alone: the viewer's own posts, those of everyone they follow and the posts
 * those people reposted, newest first past `after`. Hidden: accounts blocked either way, muted,
 * suspended or deleted, as authors or as reposters, and posts containing a muted word. The feed
 * reads a page this way when the timeline can't serve it (timelineIdsSql); tests compare the two.
 */
export function fanOutOnReadSql(
  viewerId: string,
  after: TPosition | null | undefined,
  take: number,
  mutedWords: string[] = [],
): Prisma.Sql {
  return withReposters(
    viewerId,
    fanOutOnReadIds(viewerId, startOf(after), take, mutedPatterns(mutedWords)),
  );
}

/**
 * A page of the viewer's home feed from their timeline (the same rows as fanOutOnReadSql), or no
 * rows when the timeline can't serve it. It serves the page when the timeline is built
 * (TimelineState) and covers it: the timeline's entries past the cursor (a backward scan of its
 * key, each row checked as the fan-out on read checks it, and its source still followed), plus,
 * read on the fly, the accounts the timeline may lack (TimelineGap: too big to fan out, a post
 * or repost whose fan-out is still running, a follow not yet backfilled). The timeline holds
 * every entry at or above its floor, so it covers the page when it finds `take` rows there or
 * has no floor. Otherwise (past the cap, or a timeline never built) the caller reads the page
 * with fanOutOnReadSql: a separate statement, so the common case doesn't pay PostgreSQL's
 * start-up of a plan for both (list-feed.ts).
 */
export function timelineIdsSql(
  viewerId: string,
  after: TPosition | null | undefined,
  take: number,
  mutedWords: string[] = [],
): Prisma.Sql {
  const start = startOf(after);
  const words = mutedPatterns(mutedWords);
  const floor: Start = {
    t: Prisma.sql`(SELECT COALESCE(st."floorAt", '-infinity'::timestamp) FROM state st)`,
    id: Prisma.sql`(SELECT COALESCE(st."floorPostId", '') FROM state st)`,
  };
  const gaps = Prisma.sql`(
    SELECT g."sourceId" AS id FROM "TimelineGap" g WHERE g."followerId" IS NULL
    UNION
    SELECT g."sourceId" FROM "TimelineGap" g WHERE g."followerId" = ${viewerId})`;
  const live = Prisma.sql`(SELECT gap.id FROM ${gaps} gap
    WHERE ${readsSql(viewerId, Prisma.raw("gap.id"))})`;
  const timeline = Prisma.sql`
    SELECT * FROM (
      SELECT t."postId" AS id, t."createdAt",
        CASE WHEN t.repost THEN t."sourceId" END AS "reposterId"
      FROM "TimelineEntry" t
      WHERE t."userId" = ${viewerId}
        AND EXISTS (SELECT 1 FROM state)
        AND (t."createdAt", t."postId") < (${start.t}, ${start.id})
        AND (t."createdAt", t."postId") >= (${floor.t}, ${floor.id})
        AND ${readsSql(viewerId, Prisma.raw(`t."sourceId"`))}
        AND CASE WHEN t.repost THEN EXISTS (
            SELECT 1 FROM "Repost" r JOIN "Post" o ON o.id = r."postId"
            WHERE r."userId" = t."sourceId" AND r."postId" = t."postId"
              AND r."createdAt" = t."createdAt"
              AND ${visibleAuthorSql(Prisma.raw(`o."authorId"`), viewerId)}
              AND ${appearanceSql(viewerId, words, { id: Prisma.raw("o.id"), at: Prisma.raw(`r."createdAt"`), text: Prisma.raw("o.text") })})
          ELSE EXISTS (
            SELECT 1 FROM "Post" p WHERE p.id = t."postId" AND p."authorId" = t."sourceId"
              AND ${appearanceSql(viewerId, words, { id: Prisma.raw("p.id"), at: Prisma.raw(`p."createdAt"`), text: Prisma.raw("p.text") })})
          END
      ORDER BY t."createdAt" DESC, t."postId" DESC
      LIMIT ${take}
    ) timeline
    UNION ALL
    ${readOnTheFlySql(viewerId, live, start, floor, take, words)}`;

  return withReposters(
    viewerId,
    Prisma.sql`
      WITH state AS (SELECT "floorAt", "floorPostId" FROM "TimelineState" WHERE "userId" = ${viewerId}),
      served AS (${newestSql(timeline, take)})
      SELECT * FROM served
      WHERE EXISTS (SELECT 1 FROM state)
        AND ((SELECT "floorAt" FROM state) IS NULL OR (SELECT count(*) FROM served) >= ${take})`,
  );
}

/** fanOutOnReadSql's ids, without the reposters' details. */
function fanOutOnReadIds(viewerId: string, start: Start, take: number, words: string[]) {
  const followed = Prisma.sql`(
    SELECT s.id FROM (
      SELECT "followingId" AS id FROM "Follow" WHERE "followerId" = ${viewerId}
      UNION SELECT ${viewerId}
    ) s WHERE ${visibleAuthorSql(Prisma.raw("s.id"), viewerId)})`;
  return newestSql(readOnTheFlySql(viewerId, followed, start, NO_FLOOR, take, words), take);
}

/** Who reposted, for the page's rows only, and whether they follow the viewer. */
function withReposters(viewerId: string, page: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT page.id, page."createdAt",
      CASE WHEN ru.id IS NULL THEN NULL
        ELSE ${selectJsonSql(USER_SUMMARY_SELECT, "ru", { avatar: "ra" })} END AS reposter,
      ${existsProbeSql(Prisma.sql`SELECT 1 FROM "Follow" fy
        WHERE fy."followerId" = page."reposterId" AND fy."followingId" = ${viewerId}`)}
        AS "reposterFollowsYou"
    FROM (${page}) page
    LEFT JOIN "User" ru ON ru.id = page."reposterId"
    LEFT JOIN "Media" ra ON ra.id = ru."avatarId"
    ORDER BY page."createdAt" DESC, page.id DESC`;
}
