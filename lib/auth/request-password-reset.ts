import "server-only";
import { ApiError } from "@/lib/api/errors";
import { consumePasswordResetLimits } from "@/lib/api/rate-limit/password-reset-limits";
import { db } from "@/lib/db";
import { mailMode } from "@/lib/mail/mail-mode";
import { requestEmail } from "@/lib/mail/request-email";
import type { TPasswordResetRequestBody } from "./auth.types";
import { hashToken } from "./hash-token";
import { newPasswordResetSeed, passwordResetToken } from "./password-reset-token";

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

/**
 * Starts a password reset: when `email` belongs to a live account, a reset row and its mail go
 * into the outbox in one transaction. The caller answers the same (202) either way, and the token
 * work is done either way, so neither the answer nor (beyond a row write) its timing says whether
 * the address has an account; the mail itself is sent in the background.
 */
export async function requestPasswordReset(
  input: TPasswordResetRequestBody,
  ip: string,
): Promise<void> {
  if (mailMode() === "off") {
    throw new ApiError(
      "mail_unavailable",
      "Password reset needs email, and this server can't send email. Ask its administrator.",
    );
  }
  await consumePasswordResetLimits(input.email, ip);

  const seed = newPasswordResetSeed();
  const tokenHash = hashToken(passwordResetToken(seed));
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, deletedAt: true, suspendedAt: true },
  });
  // A suspended account can't sign in whatever its password; a deleted one is gone.
  if (!user || user.deletedAt || user.suspendedAt) return;

  await db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS) },
      select: { id: true },
    });
    await requestEmail(tx, {
      to: user.email,
      template: "password-reset",
      data: { seed },
      dedupeKey: `password-reset:${reset.id}`,
    });
  });
}
