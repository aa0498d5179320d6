import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import { hashToken } from "./hash-token";

export type VerificationRefusal = "unknown" | "used" | "expired";

function refused(reason: VerificationRefusal): ApiError {
  const message = {
    unknown: "This confirmation link is not valid. Ask for a new one.",
    used: "This confirmation link was already used, or a newer one was sent. Ask for a new one.",
    expired: "This confirmation link has expired (links work for 24 hours). Ask for a new one.",
  }[reason];
  return new ApiError("invalid_verification_token", message, { details: { reason } });
}

export type ConfirmedEmail = { kind: "verify" | "change"; email: string };

/**
 * Follows a link from a verification or email change mail, once. `verify` marks the account's
 * address confirmed, if it is still the address the link was mailed to; `change` switches the
 * account to the new address (409 if another account took it meanwhile) and marks it confirmed.
 * Older pending links are spent in the same transaction, so no older link can later confirm or
 * bring back an address the account no longer uses.
 */
export async function confirmEmailVerification(token: string): Promise<ConfirmedEmail> {
  const row = await db.emailVerification.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, kind: true, email: true, usedAt: true, expiresAt: true },
  });
  if (!row) throw refused("unknown");
  if (row.usedAt) throw refused("used");
  if (row.expiresAt <= new Date()) throw refused("expired");

  try {
    await db.$transaction(async (tx) => {
      const now = new Date();
      // The spend is the check: of two requests with the same token, one updates the row.
      const spent = await tx.emailVerification.updateMany({
        where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (spent.count !== 1) throw refused("used");
      // A verify link proves only the address it was mailed to: after a change it proves nothing.
      const user = await tx.user.updateMany({
        where: {
          id: row.userId,
          deletedAt: null,
          ...(row.kind === "verify" ? { email: row.email } : {}),
        },
        data: { email: row.email, emailVerified: now },
      });
      if (user.count !== 1) throw refused("unknown");
      // A change spends every pending link (the old address's are moot); a verify only its kind,
      // so a pending change of address survives confirming the current one.
      await tx.emailVerification.updateMany({
        where: {
          userId: row.userId,
          usedAt: null,
          ...(row.kind === "verify" ? { kind: "verify" } : {}),
        },
        data: { usedAt: now },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) {
      throw new ApiError("conflict", `${row.email} is used by another account now.`, {
        details: { field: "email" },
      });
    }
    throw error;
  }
  return { kind: row.kind, email: row.email };
}
