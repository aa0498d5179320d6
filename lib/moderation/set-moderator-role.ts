import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { db } from "@/lib/db";
import { lockUser } from "./lock-user";
import { recordAction } from "./record-action";

/**
 * An admin grants or revokes the moderator role. Admins are made by configuration
 * (ADMIN_EMAILS) or by being first, never through the API, so an admin's role can't be changed
 * here, nor the caller's own. Logged like every moderation action; reports stay as they are.
 */
export async function setModeratorRole(
  admin: Viewer,
  ref: string,
  input: { role: "user" | "moderator"; reason?: string },
) {
  const { role } = input;
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, ref);
    if (user.id === admin.userId)
      throw new ApiError("forbidden", "You can't change your own role.");
    if (user.role === "admin") throw new ApiError("forbidden", "An admin's role can't be changed.");
    if (user.role !== role) {
      await tx.user.update({ where: { id: user.id }, data: { role } });
      const granted = role === "moderator";
      await recordAction(
        tx,
        {
          moderatorId: admin.userId,
          kind: granted ? "grant_moderator" : "revoke_moderator",
          targetType: "user",
          targetId: user.id,
          reason:
            input.reason ??
            (granted ? "Granted the moderator role." : "Revoked the moderator role."),
        },
        null,
      );
    }
    return { id: user.id, role };
  });
}
