import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { getCurrentUser } from "./get-current-user";
import { RESERVED_USERNAMES, type TUpdateProfileBody } from "./users.types";

/** Updates the viewer's own profile; fields left out stay as they are, null or "" clears them. */
export async function updateProfile(userId: string, input: TUpdateProfileBody) {
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
      },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error, "username")) {
      throw new ApiError("conflict", "That username is already taken.", {
        details: { field: "username" },
      });
    }
    throw error;
  }
  return getCurrentUser(userId);
}
