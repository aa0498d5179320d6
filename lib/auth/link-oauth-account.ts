import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import { publishEvent } from "@/lib/events/publish-event";
import { metrics } from "@/lib/metrics";
import { grantInitialAdmin } from "@/lib/moderation/grant-initial-admin";
import { RESERVED_USERNAMES } from "@/lib/users/users.types";

type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  name: string | null | undefined;
  login: string | null | undefined;
};

function usernameBase(identity: OAuthIdentity): string {
  const raw = identity.login ?? identity.email?.split("@")[0] ?? identity.name ?? "user";
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "")
    .slice(0, 24);
  return cleaned.length >= 3 && !RESERVED_USERNAMES.has(cleaned) ? cleaned : `user${cleaned}`;
}

/**
 * The Grover user behind an OAuth identity, created on first sign-in. An email that already
 * belongs to another account is refused rather than merged: linking by email alone would hand
 * that account to whoever controls the provider account.
 */
export async function linkOAuthAccount(identity: OAuthIdentity): Promise<string> {
  const existing = await db.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: identity.provider,
        providerAccountId: identity.providerAccountId,
      },
    },
    select: { userId: true },
  });
  if (existing) return existing.userId;
  if (!identity.email) throw new Error("OAuthNoEmail");

  const email = identity.email.toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new Error("OAuthAccountNotLinked");
  }
  const base = usernameBase(identity);
  for (let attempt = 0; attempt < 5; attempt++) {
    const username = attempt === 0 ? base : `${base}_${randomBytes(2).toString("hex")}`;
    try {
      const userId = await db.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: {
            email,
            emailVerified: new Date(),
            username,
            displayName: (identity.name ?? username).slice(0, 50),
            accounts: {
              create: {
                provider: identity.provider,
                providerAccountId: identity.providerAccountId,
              },
            },
          },
          select: { id: true },
        });
        await grantInitialAdmin(tx, user.id, email);
        await publishEvent(tx, "user.created", { userId: user.id });
        return user.id;
      });
      metrics().usersCreated.inc();
      return userId;
    } catch (error) {
      if (!isUniqueViolation(error, "username")) throw error;
    }
  }
  throw new Error("Could not find a free username");
}
