import "server-only";
import { ApiError } from "@/lib/api/errors";
import { Prisma, queryRows } from "@/lib/db";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import type { TUserStats } from "./users.types";

/**
 * Counts kept on the user row in the same transactions as the rows they count: one prepared
 * statement. Like the profile, unknown (404) when suspended, deleted or blocked either way.
 */
export async function getUserStats(ref: string, viewerId?: string): Promise<TUserStats> {
  const viewer = viewerId ?? null;
  const [row] = await queryRows<TUserStats>(
    Prisma.sql`
    SELECT u."followersCount" AS followers, u."followingCount" AS following,
           u."postsCount" AS posts, u."likesReceivedCount" AS "likesReceived"
    FROM "User" u
    WHERE (u.id = ${ref} OR u.username = ${ref.toLowerCase()})
      AND ${visibleAuthorSql(Prisma.raw("u.id"), viewer, { includeMuted: true })}
    -- A ref that is one account's id and another's username names the first.
    ORDER BY u.id = ${ref} DESC
    LIMIT 1`,
    { name: viewer ? "user-stats" : "user-stats-signed-out" },
  );
  if (!row) throw new ApiError("not_found", "No such user.");
  return row;
}
