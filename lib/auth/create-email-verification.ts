import "server-only";
import type { Tx } from "@/lib/db";
import { requestEmail } from "@/lib/mail/request-email";
import { emailVerificationToken, newEmailVerificationSeed } from "./email-verification-token";
import { hashToken } from "./hash-token";

/** How long a verification or email change link works. */
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60_000;

type NewVerification = {
  userId: string;
  /** verify: the account's own address; change: a new one to switch to once confirmed. */
  kind: "verify" | "change";
  /** The address to prove, lower-cased; the link is mailed there. */
  email: string;
};

/**
 * Stores a verification link (its token's hash) and asks for its mail, in the caller's
 * transaction. Only the newest link of a kind works: older pending ones of the account are spent
 * here, so a resend or a second change request leaves one live link, to one address.
 */
export async function createEmailVerification(
  tx: Tx,
  input: NewVerification,
): Promise<{ id: string }> {
  const now = new Date();
  await tx.emailVerification.updateMany({
    where: { userId: input.userId, kind: input.kind, usedAt: null },
    data: { usedAt: now },
  });
  const seed = newEmailVerificationSeed();
  const row = await tx.emailVerification.create({
    data: {
      ...input,
      tokenHash: hashToken(emailVerificationToken(seed)),
      expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
    },
    select: { id: true },
  });
  await requestEmail(tx, {
    to: input.email,
    template: input.kind === "verify" ? "verify-email" : "confirm-email-change",
    data: input.kind === "verify" ? { seed } : { seed, email: input.email },
    dedupeKey: `${input.kind === "verify" ? "verify-email" : "confirm-email-change"}:${row.id}`,
  });
  return row;
}
