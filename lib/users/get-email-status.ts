import "server-only";
import { db } from "@/lib/db";

export type EmailStatus = {
  email: string;
  verified: boolean;
  /** A new address waiting for its link to be followed (lib/account/request-email-change.ts). */
  pendingEmail: string | null;
};

/**
 * The account's address and whether it is confirmed, for the banner, settings and earnings.
 * `withPending` adds the address of a change in progress (a second query, settings only).
 */
export async function getEmailStatus(
  userId: string,
  { withPending = false } = {},
): Promise<EmailStatus | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, emailVerified: true },
  });
  if (!user) return null;
  const pending = withPending
    ? await db.emailVerification.findFirst({
        where: { userId, kind: "change", usedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
        select: { email: true },
      })
    : null;
  return {
    email: user.email,
    verified: user.emailVerified !== null,
    pendingEmail: pending?.email ?? null,
  };
}
