import "server-only";
import { ApiError } from "@/lib/api/errors";
import { consumeEmailChangeRequest } from "@/lib/api/rate-limit/email-verification-limits";
import { createEmailVerification } from "@/lib/auth/create-email-verification";
import { db } from "@/lib/db";
import { mailMode } from "@/lib/mail/mail-mode";
import { requestEmail } from "@/lib/mail/request-email";
import type { TChangeEmailBody } from "./account.types";
import { verifyReauthentication } from "./verify-reauthentication";

/**
 * Starts a change of address: after re-authentication, a link to the new address (the account
 * switches only when it is followed, lib/auth/confirm-email-verification.ts) and a notice to the
 * current one, both in one transaction. The email itself is not touched here.
 */
export async function requestEmailChange(userId: string, body: TChangeEmailBody): Promise<void> {
  if (mailMode() === "off") {
    throw new ApiError(
      "mail_unavailable",
      "Changing your email needs email, and this server can't send email. Ask its administrator.",
    );
  }
  await verifyReauthentication(
    userId,
    "password" in body ? { password: body.password } : { confirm: body.confirm },
  );
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new ApiError("unauthorized", "This account no longer exists.");
  if (body.email === user.email) {
    throw new ApiError("unprocessable", "That is already your email address.", {
      details: { field: "email" },
    });
  }
  // Checked again when the link is followed (the unique index decides); this spares a mail
  // that could never work. The asker has just proved they own an account, so it reveals little.
  const taken = await db.user.findUnique({ where: { email: body.email }, select: { id: true } });
  if (taken) {
    throw new ApiError("conflict", "That email is already taken.", {
      details: { field: "email" },
    });
  }
  await consumeEmailChangeRequest(userId);

  await db.$transaction(async (tx) => {
    const link = await createEmailVerification(tx, { userId, kind: "change", email: body.email });
    await requestEmail(tx, {
      to: user.email,
      template: "email-change-requested",
      data: { newEmail: body.email },
      dedupeKey: `email-change-requested:${link.id}`,
    });
  });
}
