import "server-only";
import { ApiError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import { metrics } from "@/lib/metrics";
import { publishEvent } from "@/lib/events/publish-event";
import { createEmailVerification } from "@/lib/auth/create-email-verification";
import { mailMode } from "@/lib/mail/mail-mode";
import { grantInitialAdmin } from "@/lib/moderation/grant-initial-admin";
import { RESERVED_USERNAMES, type TRegisterBody } from "./users.types";

/**
 * Creates an account with a password, and mails a link to confirm its address in the same
 * transaction. Email and username are unique, compared lower-cased.
 */
export async function registerUser(input: TRegisterBody) {
  if (RESERVED_USERNAMES.has(input.username)) {
    throw new ApiError("conflict", "That username is not available.", {
      details: { field: "username" },
    });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          username: input.username,
          displayName: input.displayName,
          passwordHash,
        },
        select: { id: true },
      });
      await grantInitialAdmin(tx, user.id, input.email);
      await publishEvent(tx, "user.created", { userId: user.id });
      // With mail off (production without SMTP_URL) sign-up still works; the account stays
      // unverified, and the banner says why no link comes.
      if (mailMode() !== "off") {
        await createEmailVerification(tx, { userId: user.id, kind: "verify", email: input.email });
      }
      return user;
    });
    metrics().usersCreated.inc();
    return created;
  } catch (error) {
    for (const field of ["username", "email"] as const) {
      if (isUniqueViolation(error, field)) {
        throw new ApiError("conflict", `That ${field} is already taken.`, { details: { field } });
      }
    }
    throw error;
  }
}
