import "server-only";
import { ApiError } from "@/lib/api/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { TChangePasswordBody } from "./account.types";

/**
 * Changes the user's password after checking the current one, and signs out every other session
 * in the same transaction: whoever might know the old password loses access at the moment it
 * stops working. The session making the request stays signed in.
 */
export async function changePassword(
  userId: string,
  currentSessionId: string,
  input: TChangePasswordBody,
): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: userId },
    // An explicit select overrides the client's global omit of passwordHash.
    select: { passwordHash: true },
  });
  if (!user) throw new ApiError("not_found", "No such user.");
  if (!user.passwordHash) {
    throw new ApiError(
      "unprocessable",
      "This account signs in with GitHub or Google only and has no password to change.",
    );
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ApiError("forbidden", "The current password is incorrect.", {
      details: { field: "currentPassword" },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.updateMany({
      where: { userId, id: { not: currentSessionId }, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  });
}
