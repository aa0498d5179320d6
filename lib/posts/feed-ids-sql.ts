import { positionAfterSql, type TPosition } from "@/lib/api/keyset";
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

/**
 * The ids of a page of the viewer's home feed, newest first past `after`: the posts of the
 * viewer and of everyone they follow, and the posts those people reposted. Each post appears
 * once, at its newest appearance (a post by someone you follow that a friend reposts moves up
 * with the repost instead of showing twice). Hidden: accounts blocked either way, muted,
 * suspended or deleted, as authors or as reposters, and posts containing a muted word.
 *
 * For each followed account, the newest `take` posts and the newest `take` reposts past the
 * cursor, from the (authorId, createdAt desc, id desc) and (userId, createdAt desc, postId desc)
 * indexes, then the newest `take` of those: the cost is bounded by accounts × page size, however
 * many posts each has written, where `authorId IN (...) ORDER BY createdAt` could end up sorting
 * everything they ever wrote. Kept apart from lib/posts/list-feed.ts so the benchmark can run the
 * same SQL through raw `pg`.
 */
export function feedIdsSql(
  viewerId: string,
  after: TPosition | null | undefined,
  take: number,
  mutedWords: string[] = [],
): Prisma.Sql {
  // Row comparisons (keyset.ts), so each index range starts right after the cursor.
  const postsAfter = positionAfterSql([Prisma.raw(`p."createdAt"`), Prisma.raw("p.id")], after);
  const repostsAfter = positionAfterSql(
    [Prisma.raw(`r."createdAt"`), Prisma.raw(`r."postId"`)],
    after,
  );
  // Only a viewer with muted words pays for reading post text (the index alone serves the rest).
  const withoutMutedWords = (text: Prisma.Sql) =>
    mutedWords.length === 0
      ? Prisma.empty
      : Prisma.sql`AND NOT (lower(${text}) LIKE ANY (ARRAY[${Prisma.join(
          mutedWords.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
        )}]))`;

  return Prisma.sql`
    WITH sources AS (
      SELECT s.id FROM (
        SELECT "followingId" AS id FROM "Follow" WHERE "followerId" = ${viewerId}
        UNION
        SELECT ${viewerId}
      ) s
      WHERE ${visibleAuthorSql(Prisma.raw("s.id"), viewerId)}
    ),
    entries AS (
      SELECT own.id, own."createdAt", NULL::text AS "reposterId"
      FROM sources
      CROSS JOIN LATERAL (
        SELECT p.id, p."createdAt" FROM "Post" p
        WHERE p."authorId" = sources.id AND ${postsAfter} ${withoutMutedWords(Prisma.raw("p.text"))}
        ORDER BY p."createdAt" DESC, p.id DESC
        LIMIT ${take}
      ) own
      UNION ALL
      SELECT shared."postId", shared."createdAt", sources.id
      FROM sources
      CROSS JOIN LATERAL (
        SELECT r."postId", r."createdAt" FROM "Repost" r
        WHERE r."userId" = sources.id AND ${repostsAfter}
        ORDER BY r."createdAt" DESC, r."postId" DESC
        LIMIT ${take}
      ) shared
    ),
    page AS (
      SELECT DISTINCT ON (e."createdAt", e.id) e.id, e."createdAt", e."reposterId"
      FROM entries e
      WHERE
        -- Once per post: skip an appearance when a newer one (a later repost by someone
        -- followed) exists, on this page or an earlier one.
        NOT EXISTS (
          SELECT 1 FROM "Repost" newer JOIN sources ON sources.id = newer."userId"
          WHERE newer."postId" = e.id AND newer."createdAt" > e."createdAt"
        )
        AND (
          e."reposterId" IS NULL OR EXISTS (
            SELECT 1 FROM "Post" original
            WHERE original.id = e.id
              AND ${visibleAuthorSql(Prisma.raw(`original."authorId"`), viewerId)}
              ${withoutMutedWords(Prisma.raw("original.text"))}
          )
        )
      ORDER BY e."createdAt" DESC, e.id DESC
      LIMIT ${take}
    )
    -- Who reposted, for the page's rows only.
    SELECT page.id, page."createdAt",
      CASE WHEN ru.id IS NULL THEN NULL
        ELSE ${selectJsonSql(USER_SUMMARY_SELECT, "ru", { avatar: "ra" })} END AS reposter,
      fy."followerId" IS NOT NULL AS "reposterFollowsYou"
    FROM page
    LEFT JOIN "User" ru ON ru.id = page."reposterId"
    LEFT JOIN "Media" ra ON ra.id = ru."avatarId"
    LEFT JOIN "Follow" fy ON fy."followerId" = page."reposterId" AND fy."followingId" = ${viewerId}
    ORDER BY page."createdAt" DESC, page.id DESC`;
}
