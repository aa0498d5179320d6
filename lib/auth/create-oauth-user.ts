import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import { publishEvent } from "@/lib/events/publish-event";
import { metrics } from "@/lib/metrics";
import { grantInitialAdmin } from "@/lib/moderation/grant-initial-admin";
import { RESERVED_USERNAMES } from "@/lib/users/users.types";

export type NewOAuthUser = {
  provider: string;
  providerAccountId: string;
  /** Lower-cased. */
  email: string;
  emailVerified: boolean;
  name: string | null;
  /** The provider's handle (GitHub's login, OIDC's preferred_username), the best username seed. */
  login: string | null;
};

function usernameBase(user: NewOAuthUser): string {
  const raw = user.login ?? user.email.split("@")[0] ?? user.name ?? "user";
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "")
    .slice(0, 24);
  return cleaned.length >= 3 && !RESERVED_USERNAMES.has(cleaned) ? cleaned : `user${cleaned}`;
}

/**
 * A new account for an identity seen for the first time, with a username from its claims made
 * unique by a random suffix. The address counts as verified only when the provider said so.
 */
export async function createOAuthUser(user: NewOAuthUser): Promise<string> {
  const base = usernameBase(user);
  for (let attempt = 0; attempt < 5; attempt++) {
    const username = attempt === 0 ? base : `${base}_${randomBytes(2).toString("hex")}`;
    try {
      const userId = await db.$transaction(async (tx) => {
        const created = await tx.user.create({
          data: {
            email: user.email,
            emailVerified: user.emailVerified ? new Date() : null,
            username,
            displayName: (user.name ?? username).slice(0, 50),
            accounts: {
              create: { provider: user.provider, providerAccountId: user.providerAccountId },
            },
          },
          select: { id: true },
        });
        await grantInitialAdmin(tx, created.id, user.email);
        await publishEvent(tx, "user.created", { userId: created.id });
        return created.id;
      });
      metrics().usersCreated.inc();
      return userId;
    } catch (error) {
      if (!isUniqueViolation(error, "username")) throw error;
    }
  }
  throw new Error("Could not find a free username");
}
