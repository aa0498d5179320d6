// A throwaway, migrated database for tests that call server code directly (not over HTTP): a
// fresh database on the local PostgreSQL at DATABASE_URL when it is set (as in CI), else the
// embedded PGlite in a temporary DATA_DIR. lib/db's client then talks to it.
//
// Call it in beforeAll before anything queries, and await the returned cleanup in afterAll.
// Vitest runs each test file in its own process, so files don't share the database.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { setUpDatabase } from "@/lib/database/set-up-database";
import { assertLocalDatabase } from "../../dev/assert-local-database";

async function admin(url: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export async function useTestDatabase(): Promise<() => Promise<void>> {
  const adminUrl = process.env.DATABASE_URL;
  let drop: () => Promise<void>;
  if (adminUrl) {
    assertLocalDatabase(adminUrl);
    const name = `grover_unit_${randomBytes(6).toString("hex")}`;
    await admin(adminUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    drop = async () => {
      await admin(
        adminUrl,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}"`);
      process.env.DATABASE_URL = adminUrl;
    };
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), "grover-unit-db-"));
    process.env.DATA_DIR = dataDir;
    drop = async () => {
      await (await setUpDatabase().catch(() => null))?.embedded?.stop();
      delete process.env.DATABASE_URL;
      delete process.env.GROVER_EMBEDDED_DATABASE;
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await setUpDatabase();
  return async () => {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await drop();
  };
}
