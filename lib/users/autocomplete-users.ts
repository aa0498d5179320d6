import "server-only";
import { Prisma, queryRows } from "@/lib/db";
import { mediaUrl } from "@/lib/media/to-media";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import type { TMentionCandidate } from "./users.types";

type Row = {
  id: string;
  username: string;
  displayName: string;
  avatarKey: string | null;
  following: boolean;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * People to @mention while typing: usernames or display names starting with `q`, the exact
 * username first, then accounts the viewer follows, then by followers. Each prefix has its own
 * index (text_pattern_ops, see the user_search_prefix migration), so PostgreSQL reads only the
 * matching rows. Accounts hidden from the viewer (suspended, deleted, blocked either way) are
 * left out; muted ones are not, as a mention of them still works.
 */
export async function autocompleteUsers(
  rawQuery: string,
  limit: number,
  viewerId?: string,
): Promise<TMentionCandidate[]> {
  const q = rawQuery.trim().replace(/^@/, "").toLowerCase();
  if (!q) return [];
  const prefix = `${escapeLike(q)}%`;
  const following = viewerId
    ? Prisma.sql`EXISTS (SELECT 1 FROM "Follow" f WHERE f."followerId" = ${viewerId} AND f."followingId" = u.id)`
    : Prisma.sql`FALSE`;
  const rows = await queryRows<Row>(Prisma.sql`
    SELECT u.id, u.username, u."displayName", ${following} AS following,
           (SELECT "thumbnailKey" FROM "Media" WHERE "Media".id = u."avatarId") AS "avatarKey"
    FROM "User" u
    WHERE (u.username LIKE ${prefix} OR lower(u."displayName") LIKE ${prefix})
      AND ${visibleAuthorSql(Prisma.raw("u.id"), viewerId ?? null, { includeMuted: true })}
    ORDER BY u.username = ${q} DESC, 4 DESC, u."followersCount" DESC, u.username
    LIMIT ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    avatarUrl: mediaUrl(r.avatarKey),
    following: r.following,
  }));
}
