import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertOwnImage } from "@/lib/media/assert-own-image";
import { assertOwnPost } from "./assert-own-post";
import { getCurrentUser } from "./get-current-user";
import { RESERVED_USERNAMES, type TUpdateProfileBody } from "./users.types";

/**
 * Updates the viewer's own profile; fields left out stay as they are, null or "" clears them.
 * An avatar or banner must be an image the viewer uploaded; a pinned post, one they wrote.
 */
export async function updateProfile(userId: string, input: TUpdateProfileBody) {
  if (input.avatarId) await assertOwnImage(userId, input.avatarId, "avatarId");
  if (input.bannerId) await assertOwnImage(userId, input.bannerId, "bannerId");
  if (input.pinnedPostId) await assertOwnPost(userId, input.pinnedPostId);
  if (input.username && RESERVED_USERNAMES.has(input.username)) {
    throw new ApiError("conflict", "That username is not available.", {
      details: { field: "username" },
    });
  }
  try {
    await db.user.update({
      where: { id: userId },
      data: {
        displayName: input.displayName,
        username: input.username,
        bio: input.bio,
        website: input.website === "" ? null : input.website,
        location: input.location === "" ? null : input.location,
        avatarId: input.avatarId,
        bannerId: input.bannerId,
        pinnedPostId: input.pinnedPostId,
      },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error, "username")) {
      throw new ApiError("conflict", "That username is already taken.", {
        details: { field: "username" },
      });
    }
    // The post or image was deleted between the check above and this update (a foreign key).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      if (String(error.meta?.constraint ?? error.message).includes("pinnedPostId")) {
        throw new ApiError("unprocessable", "That post no longer exists.", {
          details: { field: "pinnedPostId" },
        });
      }
      throw new ApiError("unprocessable", "That image no longer exists.");
    }
    throw error;
  }
  return getCurrentUser(userId);
}
