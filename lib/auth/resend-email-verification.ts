import "server-only";
import { ApiError } from "@/lib/api/errors";
import { consumeVerificationResend } from "@/lib/api/rate-limit/email-verification-limits";
import { db } from "@/lib/db";
import { mailMode } from "@/lib/mail/mail-mode";
import { createEmailVerification } from "./create-email-verification";

/**
 * Mails the signed-in account a fresh verification link (the older one stops working). Checks
 * run cheapest and least revealing first: no mail at all, then already verified, then the limit,
 * so a verified account's repeated clicks don't use up its allowance.
 */
export async function resendEmailVerification(userId: string): Promise<{ email: string }> {
  if (mailMode() === "off") {
    throw new ApiError(
      "mail_unavailable",
      "Confirming your email needs email, and this server can't send email. Ask its administrator.",
    );
  }
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, emailVerified: true },
  });
  if (!user) throw new ApiError("unauthorized", "This account no longer exists.");
  if (user.emailVerified) {
    throw new ApiError("already_verified", `${user.email} is already confirmed.`);
  }
  await consumeVerificationResend(userId);
  await db.$transaction((tx) =>
    createEmailVerification(tx, { userId, kind: "verify", email: user.email }),
  );
  return { email: user.email };
}
