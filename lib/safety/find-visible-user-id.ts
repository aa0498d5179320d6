import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { visibleAuthorWhere } from "./visibility";

/**
 * Like findUserId, but a user the viewer may not see (suspended, deleted, blocked either way)
 * is as unknown as one that doesn't exist: 404. Muted users stay visible on their own pages.
 * One statement, as findUserId.
 */
export async function findVisibleUserId(ref: string, viewerId?: string | null): Promise<string> {
  const user = await db.user.findFirst({
    where: {
      OR: [{ id: ref }, { username: ref.toLowerCase() }],
      ...visibleAuthorWhere(viewerId, { includeMuted: true }),
    },
    select: { id: true },
  });
  if (!user) throw new ApiError("not_found", "No such user.");
  return user.id;
}
