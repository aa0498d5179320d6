import "server-only";
import { Prisma, queryRows, db } from "@/lib/db";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import { loadViewerRelations } from "@/lib/users/load-viewer-relations";
import { toUserSummary } from "@/lib/users/public-user";
import { USER_SUMMARY_SELECT } from "@/lib/users/user-summary-select";
import type { TSuggestedUser } from "./discovery.types";

/**
 * Who to follow: accounts the viewer's follows follow, most shared first, then popular accounts
 * (most followers) to fill the list. Never the viewer, anyone they already follow, anyone
 * blocked either way or muted, and never a suspended or deleted account (visibleAuthorSql, the
 * one rule for who may be shown). Signed out: popular accounts only. Two bounded reads: the
 * friends-of-friends counts come from the Follow(followerId, …) index; popular ones walk the
 * User(followersCount) index until enough pass the filters.
 */
export async function listSuggestedUsers(
  limit: number,
  viewerId?: string,
): Promise<TSuggestedUser[]> {
  const viewer = viewerId ?? null;
  const eligible = (column: string) => Prisma.sql`
    ${visibleAuthorSql(Prisma.raw(column), viewer)}
    ${
      viewer
        ? Prisma.sql`AND ${Prisma.raw(column)} <> ${viewer}
            AND NOT EXISTS (SELECT 1 FROM "Follow" mine
              WHERE mine."followerId" = ${viewer} AND mine."followingId" = ${Prisma.raw(column)})`
        : Prisma.empty
    }`;

  const rows = await queryRows<{ id: string; followedBy: number }>(Prisma.sql`
    WITH via AS (
      SELECT f2."followingId" AS id, count(*)::int AS "followedBy"
      FROM "Follow" f1
      JOIN "Follow" f2 ON f2."followerId" = f1."followingId"
      WHERE f1."followerId" = ${viewer}
        AND ${eligible(`f2."followingId"`)}
      GROUP BY f2."followingId"
      ORDER BY "followedBy" DESC, f2."followingId"
      LIMIT ${limit}
    ),
    popular AS (
      SELECT u.id, 0 AS "followedBy", u."followersCount"
      FROM "User" u
      WHERE ${eligible(`u.id`)}
        AND u.id NOT IN (SELECT id FROM via)
      ORDER BY u."followersCount" DESC, u.id
      LIMIT ${limit}
    )
    SELECT id, "followedBy" FROM (
      SELECT id, "followedBy", 0 AS part, 0 AS followers FROM via
      UNION ALL
      SELECT id, "followedBy", 1 AS part, "followersCount" AS followers FROM popular
    ) s
    ORDER BY part, "followedBy" DESC, followers DESC, id
    LIMIT ${limit}`);

  const ids = rows.map((r) => r.id);
  const [users, relations] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: USER_SUMMARY_SELECT }),
    loadViewerRelations(viewerId, ids),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.flatMap((r) => {
    const user = byId.get(r.id);
    if (!user) return [];
    return [{ ...toUserSummary(user, relations.get(r.id) ?? null), followedBy: r.followedBy }];
  });
}
