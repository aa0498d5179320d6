import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { db } from "@/lib/db";
import { lockUser } from "./lock-user";
import { recordAction } from "./record-action";

/** Lifts a suspension: the account can sign in again (with a new session) and its content shows. */
export async function unsuspendUser(moderator: Viewer, ref: string, reason: string) {
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, ref);
    if (!user.suspendedAt) throw new ApiError("conflict", "This account is not suspended.");
    await tx.user.update({ where: { id: user.id }, data: { suspendedAt: null } });
    await recordAction(
      tx,
      {
        moderatorId: moderator.userId,
        kind: "unsuspend_user",
        targetType: "user",
        targetId: user.id,
        reason,
      },
      null,
    );
    return { id: user.id, suspendedAt: null };
  });
}
