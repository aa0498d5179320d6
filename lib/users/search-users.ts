import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { existsProbeSql } from "@/lib/database/exists-probe-sql";
import { Prisma, queryRows } from "@/lib/db";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import { toUserSummary } from "./public-user";
import type { TUserSummary } from "./users.types";

// tier: 0 the exact username, 1 username prefix, 2 display name prefix, 3 fuzzy.
// rank: followers within tiers 0-2, similarity within tier 3, higher first.
const ZPositionSchema = z.object({ tier: z.int().min(0).max(3), rank: z.number(), id: z.string() });
type Position = z.infer<typeof ZPositionSchema>;

type Row = {
  id: string;
  username: string;
  displayName: string;
  bio: string;
  avatarId: string | null;
  avatarKey: string | null;
  tier: number;
  rank: number;
  following: boolean;
  followsYou: boolean;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Rows of `tier` past the cursor: none of an earlier tier, all of a later one. */
function pastCursor(tier: number, rank: Prisma.Sql, position: Position | undefined): Prisma.Sql {
  if (!position || position.tier < tier) return Prisma.sql`TRUE`;
  if (position.tier > tier) return Prisma.sql`FALSE`;
  return Prisma.sql`(${rank} < ${position.rank} OR (${rank} = ${position.rank} AND id > ${position.id}))`;
}

/**
 * Users by username and display name, the way people look for someone: the exact username,
 * then usernames starting with the query, then display names starting with it (each by
 * followers, so the account most people mean comes first), then fuzzy matches (a typo, or the
 * query inside the name) by trigram similarity. Each tier is its own ordered, limited subquery
 * on its own index, and PostgreSQL runs the parts of a UNION ALL in order and stops at the
 * LIMIT, so a page that the prefix tiers fill never scores the fuzzy candidates (which, for a
 * prefix most names share, is every account). Paged by keyset on (tier, rank, id). Each tier
 * leaves out accounts hidden from the viewer (suspended, deleted, blocked either way); muted
 * ones are found, so they can be unmuted. The viewer's follow relation to each comes in the same
 * statement, so a page is one prepared statement.
 */
export async function searchUsers(
  rawQuery: string,
  page: TPageQuery,
  viewerId?: string,
): Promise<Page<TUserSummary>> {
  const q = rawQuery.trim().replace(/^@/, "").toLowerCase();
  // Named by a digest so a long query can't push the cursor past its length cap.
  const scope = `users-search:${createHash("sha256").update(q).digest("base64url").slice(0, 22)}`;
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const take = page.limit + 1;
  const prefix = `${escapeLike(q)}%`;
  // The prefix tiers read a range of the (… text_pattern_ops) indexes, which compare bytes:
  // every string that starts with q sorts from q up to q followed by the highest code point.
  // Said as a range because a prepared statement's generic plan can't turn `LIKE $1` into one,
  // and ANDed the trigram index's scan in (2.3 ms for a prefix 1,111 names share; 0.2 ms as a
  // range). starts_with decides, and no index takes it.
  const startsWithQ = (column: Prisma.Sql) =>
    Prisma.sql`${column} ~>=~ ${q} AND ${column} ~<~ ${q + "\u{10FFFF}"} AND starts_with(${column}, ${q})`;
  const contains = `%${escapeLike(q)}%`;
  const followers = Prisma.sql`"followersCount"::float8`;
  const similarity = Prisma.sql`greatest(similarity(username, ${q}), similarity(lower("displayName"), ${q}))::float8`;
  const columns = Prisma.sql`id, username, "displayName", bio, "avatarId"`;
  const visible = visibleAuthorSql(Prisma.raw(`"User".id`), viewerId ?? null, {
    includeMuted: true,
  });

  const viewer = viewerId ?? null;
  const rows = await queryRows<Row>(
    Prisma.sql`
    SELECT m.*, (SELECT "thumbnailKey" FROM "Media" WHERE "Media".id = m."avatarId") AS "avatarKey",
      ${existsProbeSql(Prisma.sql`
        SELECT 1 FROM "Follow" f WHERE f."followerId" = ${viewer} AND f."followingId" = m.id`)}
        AS following,
      ${existsProbeSql(Prisma.sql`
        SELECT 1 FROM "Follow" f WHERE f."followerId" = m.id AND f."followingId" = ${viewer}`)}
        AS "followsYou"
    FROM (
      (SELECT ${columns}, 0 AS tier, ${followers} AS rank FROM "User"
       WHERE username = ${q} AND ${pastCursor(0, followers, position)} AND ${visible})
      UNION ALL
      (SELECT ${columns}, 1, ${followers} FROM "User"
       WHERE ${startsWithQ(Prisma.sql`username`)} AND username <> ${q}
         AND ${pastCursor(1, followers, position)}
         AND ${visible}
       ORDER BY 7 DESC, id LIMIT ${take})
      UNION ALL
      (SELECT ${columns}, 2, ${followers} FROM "User"
       WHERE ${startsWithQ(Prisma.sql`lower("displayName")`)} AND username NOT LIKE ${prefix}
         AND ${pastCursor(2, followers, position)} AND ${visible}
       ORDER BY 7 DESC, id LIMIT ${take})
      UNION ALL
      (SELECT ${columns}, 3, ${similarity} FROM "User"
       WHERE (username % ${q} OR lower("displayName") % ${q}
              OR username LIKE ${contains} OR lower("displayName") LIKE ${contains})
         AND username NOT LIKE ${prefix} AND lower("displayName") NOT LIKE ${prefix}
         AND ${pastCursor(3, similarity, position)} AND ${visible}
       ORDER BY 7 DESC, id LIMIT ${take})
    ) m
    LIMIT ${take}`,
    // The text varies with the cursor's tier (pastCursor) and signed in or out: one name each.
    {
      name: `user-search-${position ? `after-${position.tier}` : "first"}${viewer ? "" : "-signed-out"}`,
    },
  );

  return toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ tier: r.tier, rank: r.rank, id: r.id }),
    (r) =>
      toUserSummary(
        { ...r, avatar: r.avatarKey ? { thumbnailKey: r.avatarKey } : null },
        viewerId
          ? { isSelf: r.id === viewerId, following: r.following, followsYou: r.followsYou }
          : null,
      ),
  );
}
