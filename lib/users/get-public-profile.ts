import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import { loadViewerRelations } from "./load-viewer-relations";
import { PUBLIC_USER_SELECT, toPublicUser } from "./public-user";
import type { TPublicUser } from "./users.types";

/**
 * A profile by id or username, with the viewer's follow relation when signed in. Suspended and
 * deleted accounts, and accounts blocked either way, are unknown (404); muted ones open.
 */
export async function getPublicProfile(ref: string, viewerId?: string): Promise<TPublicUser> {
  const row = await db.user.findFirst({
    where: {
      OR: [{ id: ref }, { username: ref.toLowerCase() }],
      ...visibleAuthorWhere(viewerId, { includeMuted: true }),
    },
    select: PUBLIC_USER_SELECT,
  });
  if (!row) throw new ApiError("not_found", "No such user.");
  const relations = await loadViewerRelations(viewerId, [row.id]);
  return toPublicUser(row, relations.get(row.id) ?? null);
}
