import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { TPasswordResetConfirmBody } from "./auth.types";
import { hashToken } from "./hash-token";
import { hashPassword } from "./password";

function refused(reason: "unknown" | "used" | "expired"): ApiError {
  const message = {
    unknown: "This password reset link is not valid. Ask for a new one.",
    used: "This password reset link was already used. Ask for a new one.",
    expired: "This password reset link has expired (links work for 1 hour). Ask for a new one.",
  }[reason];
  return new ApiError("invalid_reset_token", message, { details: { reason } });
}

/**
 * Sets a new password with a reset token, once: the token is spent, every other pending reset of
 * the account dropped, and every session and API token of the account revoked, in one
 * transaction, so whoever held the old password (or a session) is out the moment it changes.
 */
export async function confirmPasswordReset(input: TPasswordResetConfirmBody): Promise<void> {
  const tokenHash = hashToken(input.token);
  // Hashing takes ~50 ms of CPU: done first, outside the transaction, and only for a real token.
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, usedAt: true, expiresAt: true },
  });
  if (!reset) throw refused("unknown");
  if (reset.usedAt) throw refused("used");
  if (reset.expiresAt <= new Date()) throw refused("expired");
  const passwordHash = await hashPassword(input.password);

  await db.$transaction(async (tx) => {
    const now = new Date();
    // The spend is the check: of two requests with the same token, one updates the row.
    const spent = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw refused("used");
    const user = await tx.user.updateMany({
      where: { id: reset.userId, deletedAt: null, suspendedAt: null },
      data: { passwordHash },
    });
    if (user.count !== 1) throw refused("unknown");
    await tx.passwordReset.updateMany({
      where: { userId: reset.userId, usedAt: null },
      data: { usedAt: now },
    });
    await tx.session.updateMany({
      where: { userId: reset.userId, revokedAt: null },
      data: { revokedAt: now },
    });
  });
}
