import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "@/lib/database/is-database-unavailable-error";
import { setUpDatabase } from "@/lib/database/set-up-database";

// What `next dev` gets without DATABASE_URL: ensureDatabase starts PGlite under DATA_DIR,
// migrates it, and lib/db talks to it with the same Prisma adapter as in production.

const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "grover-app-db-test-"));
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dataDir;
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await (await setUpDatabase().catch(() => null))?.embedded?.stop();
  Object.assign(process.env, saved);
  if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
  delete process.env.GROVER_EMBEDDED_DATABASE;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database as the app uses it", { timeout: 60_000 }, () => {
  it("ensureDatabase starts it once, migrates it and publishes its URL", async () => {
    const { ensureDatabase } = await import("@/lib/database/ensure-database");
    const [first, second] = await Promise.all([ensureDatabase(), ensureDatabase()]);
    expect(first).toBe(second);
    expect(process.env.DATABASE_URL).toBe(first);
    expect(process.env.GROVER_EMBEDDED_DATABASE).toBe("1");
    const setup = await setUpDatabase();
    expect(setup.embedded?.owned).toBe(true);
    expect(setup.migrations.applied.length).toBeGreaterThan(0);
  });

  it("serves concurrent queries and transactions through one pooled connection", async () => {
    const { db } = await import("@/lib/db");
    const users = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.user.create({
          data: { email: `e${i}@example.com`, username: `user_${i}`, displayName: `User ${i}` },
        }),
      ),
    );
    const results = await Promise.all([
      ...users.map((u) =>
        db.user.findUniqueOrThrow({ where: { id: u.id }, select: { username: true } }),
      ),
      db.$transaction(async (tx) => {
        await tx.follow.create({ data: { followerId: users[0]!.id, followingId: users[1]!.id } });
        return tx.user.update({
          where: { id: users[1]!.id },
          data: { followersCount: { increment: 1 } },
        });
      }),
    ]);
    expect(results.slice(0, 10).map((r) => (r as { username: string }).username)).toEqual(
      users.map((u) => u.username),
    );
    expect(results[10]).toMatchObject({ followersCount: 1 });
    // Search relies on pg_trgm, which the embedded server loads.
    const similar = await db.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "User" WHERE username % ${"user_3"}`;
    expect(similar.length).toBeGreaterThan(0);
  });

  it("reports a stopped server as unavailable instead of crashing", async () => {
    const { db } = await import("@/lib/db");
    await (await setUpDatabase()).embedded!.stop();
    const error = await db.user.count().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });
});
