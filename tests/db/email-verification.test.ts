import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";

// Verification links against a real database: the outbox carries the seed, never the token;
// a link is spent once even by two requests at the same moment; and a link for an address the
// account no longer uses can't confirm it or bring it back.

let cleanup: () => Promise<void>;
beforeAll(async () => {
  process.env.AUTH_SECRET = "v".repeat(40);
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(() => cleanup?.());

async function newUser() {
  const { db } = await import("@/lib/db");
  const id = randomBytes(5).toString("hex");
  const email = `verify-${id}@example.com`;
  const user = await db.user.create({
    data: { email, username: `verify_${id}`, displayName: "Verify" },
    select: { id: true },
  });
  return { userId: user.id, email };
}

/** Mails a link of `kind` for `email` and answers its token, read back from the outbox. */
async function link(userId: string, kind: "verify" | "change", email: string) {
  const { db } = await import("@/lib/db");
  const { createEmailVerification } = await import("@/lib/auth/create-email-verification");
  const { emailVerificationToken } = await import("@/lib/auth/email-verification-token");
  const { id } = await db.$transaction((tx) =>
    createEmailVerification(tx, { userId, kind, email }),
  );
  const key = `${kind === "verify" ? "verify-email" : "confirm-email-change"}:${id}`;
  const event = await db.outboxEvent.findFirstOrThrow({
    where: { name: "email.requested", payload: { path: ["dedupeKey"], equals: key } },
    select: { payload: true },
  });
  const payload = event.payload as { to: string; data: { seed: string } };
  expect(payload.to).toBe(email);
  const token = emailVerificationToken(payload.data.seed);
  expect(JSON.stringify(payload)).not.toContain(token);
  return token;
}

describe("email verification links", { timeout: 30_000 }, () => {
  it("is spent once when two requests race", async () => {
    const { db } = await import("@/lib/db");
    const { confirmEmailVerification } = await import("@/lib/auth/confirm-email-verification");
    const { userId, email } = await newUser();
    const token = await link(userId, "verify", email);
    const results = await Promise.allSettled([
      confirmEmailVerification(token),
      confirmEmailVerification(token),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({
      code: "invalid_verification_token",
      details: { reason: "used" },
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.emailVerified).toBeInstanceOf(Date);
  });

  it("a newer link retires the older one of its kind", async () => {
    const { confirmEmailVerification } = await import("@/lib/auth/confirm-email-verification");
    const { userId, email } = await newUser();
    const older = await link(userId, "verify", email);
    const newer = await link(userId, "verify", email);
    await expect(confirmEmailVerification(older)).rejects.toMatchObject({
      details: { reason: "used" },
    });
    await expect(confirmEmailVerification(newer)).resolves.toEqual({ kind: "verify", email });
  });

  it("after a change, the old address's links neither confirm it nor bring it back", async () => {
    const { db } = await import("@/lib/db");
    const { confirmEmailVerification } = await import("@/lib/auth/confirm-email-verification");
    const { userId, email } = await newUser();
    const signUpLink = await link(userId, "verify", email);
    const firstChange = await link(userId, "change", `first-${email}`);
    const secondChange = await link(userId, "change", `second-${email}`);
    // Only the newest change works.
    await expect(confirmEmailVerification(firstChange)).rejects.toMatchObject({
      details: { reason: "used" },
    });
    await expect(confirmEmailVerification(secondChange)).resolves.toEqual({
      kind: "change",
      email: `second-${email}`,
    });
    await expect(confirmEmailVerification(signUpLink)).rejects.toMatchObject({
      details: { reason: "used" },
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe(`second-${email}`);
  });

  it("a verify link for an address the account no longer has proves nothing", async () => {
    const { db } = await import("@/lib/db");
    const { confirmEmailVerification } = await import("@/lib/auth/confirm-email-verification");
    const { userId, email } = await newUser();
    const token = await link(userId, "verify", email);
    // Changed some other way (an admin, say) while the link was out.
    await db.user.update({ where: { id: userId }, data: { email: `moved-${email}` } });
    await expect(confirmEmailVerification(token)).rejects.toMatchObject({
      code: "invalid_verification_token",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: `moved-${email}`, emailVerified: null });
  });
});
