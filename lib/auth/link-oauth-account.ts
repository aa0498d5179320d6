import "server-only";
import { db } from "@/lib/db";
import { createOAuthUser } from "./create-oauth-user";

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  /** The provider vouched for the address (OIDC's email_verified); never assumed. */
  emailVerified: boolean;
  name: string | null | undefined;
  login: string | null | undefined;
};

/**
 * Why a sign-in was refused, as the code /signin (or /settings/account, when linking) shows a
 * message for (app/signin/sign-in-form.tsx).
 */
export type OAuthRefusal =
  "AccountSuspended" | "OAuthAccountNotLinked" | "OAuthNoEmail" | "OAuthAccountLinkedElsewhere";

export type OAuthSignInOutcome = { ok: true; userId: string } | { ok: false; error: OAuthRefusal };

const refuse = (error: OAuthRefusal): OAuthSignInOutcome => ({ ok: false, error });

async function isSuspended(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { suspendedAt: true } });
  return !!user?.suspendedAt;
}

/**
 * The Grover user an OAuth or OpenID Connect identity signs in as, for every provider alike:
 * - an identity already linked signs in to its account, unless that account is suspended;
 * - a signed-in user (`linkingUserId`, from Settings → Account) links a new identity to
 *   themselves, whatever address it carries: they proved both sides;
 * - an identity whose address belongs to an account links to it only when both the provider and
 *   Grover verified that address; a provider merely claiming an address must not hand over the
 *   account that holds it;
 * - otherwise it is someone new, and gets an account.
 */
export async function linkOAuthAccount(
  identity: OAuthIdentity,
  linkingUserId: string | null,
): Promise<OAuthSignInOutcome> {
  const { provider, providerAccountId } = identity;
  const existing = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  if (existing) {
    if (linkingUserId && existing.userId !== linkingUserId) {
      return refuse("OAuthAccountLinkedElsewhere");
    }
    if (await isSuspended(existing.userId)) return refuse("AccountSuspended");
    return { ok: true, userId: existing.userId };
  }

  if (linkingUserId) {
    if (await isSuspended(linkingUserId)) return refuse("AccountSuspended");
    await db.account.create({ data: { userId: linkingUserId, provider, providerAccountId } });
    return { ok: true, userId: linkingUserId };
  }

  if (!identity.email) return refuse("OAuthNoEmail");
  const email = identity.email.toLowerCase();
  const holder = await db.user.findUnique({
    where: { email },
    select: { id: true, emailVerified: true, suspendedAt: true },
  });
  if (holder) {
    if (!identity.emailVerified || !holder.emailVerified) return refuse("OAuthAccountNotLinked");
    // Told only once the address is proven on both sides, so it reveals nothing to a stranger.
    if (holder.suspendedAt) return refuse("AccountSuspended");
    await db.account.create({ data: { userId: holder.id, provider, providerAccountId } });
    return { ok: true, userId: holder.id };
  }

  const userId = await createOAuthUser({
    provider,
    providerAccountId,
    email,
    emailVerified: identity.emailVerified,
    name: identity.name ?? null,
    login: identity.login ?? null,
  });
  return { ok: true, userId };
}
