import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { db } from "@/lib/db";
import { lockUser } from "./lock-user";
import { recordAction } from "./record-action";

/**
 * Suspends an account: it can no longer sign in or be paid, and its content is hidden
 * everywhere (lib/safety/visibility.ts). Every session is revoked in the same
 * transaction, so its tokens stop working at once, and every open report about the account or
 * its content is closed as actioned.
 */
export async function suspendUser(moderator: Viewer, ref: string, reason: string) {
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, ref);
    if (user.id === moderator.userId) {
      throw new ApiError("forbidden", "You can't suspend yourself.");
    }
    if (user.role === "admin") throw new ApiError("forbidden", "Admins can't be suspended.");
    if (user.suspendedAt) throw new ApiError("conflict", "This account is already suspended.");
    const now = new Date();
    await tx.user.update({ where: { id: user.id }, data: { suspendedAt: now } });
    await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    });
    // Reports on the account's posts and comments too: that content is hidden from now on.
    await tx.report.updateMany({
      where: { targetUserId: user.id, status: "open" },
      data: { status: "actioned", resolvedAt: now, resolvedById: moderator.userId },
    });
    await recordAction(tx, {
      moderatorId: moderator.userId,
      kind: "suspend_user",
      targetType: "user",
      targetId: user.id,
      reason,
    });
    return { id: user.id, suspendedAt: now.toISOString() };
  });
}
