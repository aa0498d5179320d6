import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/database/apply-migrations";
import { isDatabaseUnavailableError } from "@/lib/database/is-database-unavailable-error";
import { assertLocalDatabase } from "../../dev/assert-local-database";

// The production path: a real PostgreSQL at DATABASE_URL (CI sets it; skipped without it). Each
// run works in a throwaway database created here and dropped afterwards.

const adminUrl = process.env.DATABASE_URL;
const onDisk = readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations"), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(!adminUrl)("PostgreSQL at DATABASE_URL", { timeout: 60_000 }, () => {
  const names: string[] = [];

  async function throwawayDatabase(): Promise<string> {
    const name = `grover_db_test_${randomBytes(6).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    names.push(name);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  beforeAll(() => assertLocalDatabase(adminUrl!));

  afterAll(async () => {
    // The lib/db client's pool, if a test opened one.
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await admin(async (c) => {
      for (const name of names) {
        await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [
          name,
        ]);
        await c.query(`DROP DATABASE IF EXISTS "${name}"`);
      }
    });
  });

  it("applies the migrations once, even when replicas start together", async () => {
    const url = await throwawayDatabase();
    const reports = await Promise.all([1, 2, 3].map(() => applyMigrations(url)));
    // Each migration is applied by exactly one replica; which one, and so the order of the
    // replicas' reports, depends on who takes the lock first.
    expect(reports.flatMap((r) => r.applied).sort()).toEqual(onDisk);
    expect(await applyMigrations(url)).toEqual({
      applied: [],
      alreadyApplied: onDisk,
      unknown: [],
    });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client
      .query(
        `SELECT migration_name, applied_steps_count, finished_at IS NOT NULL AS finished FROM _prisma_migrations`,
      )
      .finally(() => client.end());
    expect(rows.rows).toEqual(
      onDisk.map((name) => ({ migration_name: name, applied_steps_count: 1, finished: true })),
    );
  });

  it("ensureDatabase uses DATABASE_URL as is, and lib/db serves the app through it", async () => {
    const url = await throwawayDatabase();
    process.env.DATABASE_URL = url;
    try {
      const { ensureDatabase } = await import("@/lib/database/ensure-database");
      expect(await ensureDatabase()).toBe(url);
      expect(process.env.GROVER_EMBEDDED_DATABASE).toBeUndefined();

      const { db } = await import("@/lib/db");
      const user = await db.user.create({
        data: {
          email: "pg@example.com",
          username: "pg_user",
          displayName: "PG",
          passwordHash: "secret-hash",
        },
      });
      // The global omit keeps the hash out of every result unless a query asks for it.
      expect(user).not.toHaveProperty("passwordHash");
      const withHash = await db.user.findUnique({
        where: { id: user.id },
        omit: { passwordHash: false },
      });
      expect(withHash?.passwordHash).toBe("secret-hash");
      const selected = await db.user.findUnique({
        where: { id: user.id },
        select: { passwordHash: true },
      });
      expect(selected?.passwordHash).toBe("secret-hash");

      const duplicate = await db.user
        .create({ data: { email: "pg@example.com", username: "other", displayName: "X" } })
        .catch((error: unknown) => error);
      expect(duplicate).toMatchObject({ code: "P2002" });
      expect(isDatabaseUnavailableError(duplicate)).toBe(false);
    } finally {
      process.env.DATABASE_URL = adminUrl;
    }
  });
});
