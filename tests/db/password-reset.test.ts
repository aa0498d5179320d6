import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";

// The reset token against a real database: derived from the seed the outbox carries, spent once
// even by two requests at the same moment, and refused after its hour.

let cleanup: () => Promise<void>;
beforeAll(async () => {
  process.env.AUTH_SECRET = "z".repeat(40);
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(() => cleanup?.());

async function userWithReset() {
  const { db } = await import("@/lib/db");
  const { requestPasswordReset } = await import("@/lib/auth/request-password-reset");
  const { passwordResetToken } = await import("@/lib/auth/password-reset-token");
  const id = randomBytes(5).toString("hex");
  const email = `reset-${id}@example.com`;
  const user = await db.user.create({
    data: { email, username: `reset_${id}`, displayName: "Reset" },
    select: { id: true },
  });
  await db.session.create({
    data: {
      userId: user.id,
      kind: "api",
      tokenHash: `h-${id}`,
      expiresAt: new Date(Date.now() + 1e9),
    },
  });
  await requestPasswordReset({ email }, "192.0.2.10");
  const event = await db.outboxEvent.findFirstOrThrow({
    where: { name: "email.requested", payload: { path: ["to"], equals: email } },
    select: { payload: true },
  });
  const payload = event.payload as { data: { seed: string }; dedupeKey: string };
  // The outbox holds the seed, never the token, nor the token's hash.
  const token = passwordResetToken(payload.data.seed);
  expect(JSON.stringify(payload)).not.toContain(token);
  return { userId: user.id, token };
}

describe("password reset tokens", { timeout: 30_000 }, () => {
  it("is spent once when two requests race, and revokes every session", async () => {
    const { db } = await import("@/lib/db");
    const { confirmPasswordReset } = await import("@/lib/auth/confirm-password-reset");
    const { userId, token } = await userWithReset();
    const results = await Promise.allSettled([
      confirmPasswordReset({ token, password: "first-Password-1" }),
      confirmPasswordReset({ token, password: "second-Password-2" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "invalid_reset_token" });
    const live = await db.session.count({ where: { userId, revokedAt: null } });
    expect(live).toBe(0);
  });

  it("is refused after an hour", async () => {
    const { db } = await import("@/lib/db");
    const { confirmPasswordReset } = await import("@/lib/auth/confirm-password-reset");
    const { userId, token } = await userWithReset();
    await db.passwordReset.updateMany({
      where: { userId },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    await expect(
      confirmPasswordReset({ token, password: "late-Password-3" }),
    ).rejects.toMatchObject({ code: "invalid_reset_token", details: { reason: "expired" } });
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { passwordHash: true },
    });
    expect(user.passwordHash).toBeNull();
  });
});
