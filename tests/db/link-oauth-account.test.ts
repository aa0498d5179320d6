import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { linkOAuthAccount, type OAuthIdentity } from "@/lib/auth/link-oauth-account";
import { useTestDatabase } from "@/tests/support/test-database";

// Which Grover account a provider's identity signs in as, for every provider alike (GitHub,
// Google, OpenID Connect): the rules that keep a provider that merely claims an address from
// taking over the account holding it. The browser flow is tests/e2e/oidc.spec.ts.

let cleanup: () => Promise<void>;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(() => cleanup?.());

const unique = () => randomBytes(4).toString("hex");

function identity(overrides: Partial<OAuthIdentity> = {}): OAuthIdentity {
  const id = unique();
  return {
    provider: "oidc",
    providerAccountId: `sub-${id}`,
    email: `sso-${id}@example.com`,
    emailVerified: true,
    name: "Sso Person",
    login: `sso_${id}`,
    ...overrides,
  };
}

async function passwordUser(options: { verified: boolean; suspended?: boolean }) {
  const id = unique();
  return db.user.create({
    data: {
      email: `member-${id}@example.com`,
      username: `member_${id}`,
      displayName: "Member",
      emailVerified: options.verified ? new Date() : null,
      suspendedAt: options.suspended ? new Date() : null,
    },
    select: { id: true, email: true },
  });
}

const userOf = (userId: string) =>
  db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, emailVerified: true, username: true },
  });

describe("linkOAuthAccount", { timeout: 30_000 }, () => {
  it("creates an account on first sign-in and signs the same identity in to it again", async () => {
    const who = identity();
    const first = await linkOAuthAccount(who, null);
    expect(first.ok).toBe(true);
    const userId = first.ok ? first.userId : "";
    const created = await userOf(userId);
    expect(created.email).toBe(who.email);
    expect(created.username).toBe(who.login);
    expect(created.emailVerified).not.toBeNull();

    // Even with a changed address at the provider, the identity is the same person.
    const again = await linkOAuthAccount({ ...who, email: "changed@example.com" }, null);
    expect(again).toEqual({ ok: true, userId });
  });

  it("takes the provider's address as verified only when the provider says so", async () => {
    const outcome = await linkOAuthAccount(identity({ emailVerified: false }), null);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect((await userOf(outcome.userId)).emailVerified).toBeNull();
  });

  it("makes a taken username unique", async () => {
    const login = `taken_${unique()}`;
    const a = await linkOAuthAccount(identity({ login }), null);
    const b = await linkOAuthAccount(identity({ login }), null);
    if (!a.ok || !b.ok) throw new Error("both should have signed in");
    expect((await userOf(a.userId)).username).toBe(login);
    expect((await userOf(b.userId)).username).toMatch(new RegExp(`^${login}_[0-9a-f]{4}$`));
  });

  it("joins an existing account only when both sides verified its address", async () => {
    const unverifiedAccount = await passwordUser({ verified: false });
    expect(await linkOAuthAccount(identity({ email: unverifiedAccount.email }), null)).toEqual({
      ok: false,
      error: "OAuthAccountNotLinked",
    });

    const verifiedAccount = await passwordUser({ verified: true });
    const claimsOnly = identity({ email: verifiedAccount.email, emailVerified: false });
    expect(await linkOAuthAccount(claimsOnly, null)).toEqual({
      ok: false,
      error: "OAuthAccountNotLinked",
    });
    // Refused means nothing was linked either.
    expect(await db.account.count({ where: { userId: verifiedAccount.id } })).toBe(0);

    const proven = identity({ email: verifiedAccount.email.toUpperCase() });
    expect(await linkOAuthAccount(proven, null)).toEqual({ ok: true, userId: verifiedAccount.id });
    expect(await linkOAuthAccount(proven, null)).toEqual({ ok: true, userId: verifiedAccount.id });
  });

  it("links any identity to the signed-in user, but never one linked to someone else", async () => {
    const member = await passwordUser({ verified: false });
    const other = identity({ email: `elsewhere-${unique()}@example.com`, emailVerified: false });
    expect(await linkOAuthAccount(other, member.id)).toEqual({ ok: true, userId: member.id });
    expect(await linkOAuthAccount(other, null)).toEqual({ ok: true, userId: member.id });

    const someoneElse = await passwordUser({ verified: false });
    expect(await linkOAuthAccount(other, someoneElse.id)).toEqual({
      ok: false,
      error: "OAuthAccountLinkedElsewhere",
    });
  });

  it("refuses a suspended account, whichever provider signs in", async () => {
    for (const provider of ["github", "google", "oidc"]) {
      const who = identity({ provider });
      const outcome = await linkOAuthAccount(who, null);
      if (!outcome.ok) throw new Error("first sign-in should succeed");
      await db.user.update({ where: { id: outcome.userId }, data: { suspendedAt: new Date() } });
      expect(await linkOAuthAccount(who, null)).toEqual({ ok: false, error: "AccountSuspended" });
    }

    const suspended = await passwordUser({ verified: true, suspended: true });
    expect(await linkOAuthAccount(identity({ email: suspended.email }), null)).toEqual({
      ok: false,
      error: "AccountSuspended",
    });
  });

  it("refuses a new identity without an address", async () => {
    expect(await linkOAuthAccount(identity({ email: null }), null)).toEqual({
      ok: false,
      error: "OAuthNoEmail",
    });
  });
});
