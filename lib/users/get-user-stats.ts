import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import type { TUserStats } from "./users.types";

/**
 * Counts kept on the user row in the same transactions as the rows they count: one read. Like the
 * profile, unknown (404) when suspended, deleted or blocked either way.
 */
export async function getUserStats(ref: string, viewerId?: string): Promise<TUserStats> {
  const row = await db.user.findFirst({
    where: {
      OR: [{ id: ref }, { username: ref.toLowerCase() }],
      ...visibleAuthorWhere(viewerId, { includeMuted: true }),
    },
    select: {
      followersCount: true,
      followingCount: true,
      postsCount: true,
      likesReceivedCount: true,
    },
  });
  if (!row) throw new ApiError("not_found", "No such user.");
  return {
    followers: row.followersCount,
    following: row.followingCount,
    posts: row.postsCount,
    likesReceived: row.likesReceivedCount,
  };
}
