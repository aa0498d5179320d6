// A database for a test that starts its own app servers on it (tests/support/start-test-server.ts
// takes it through `env`), and reads it directly to check what the app wrote: a throwaway
// database on the local PostgreSQL at DATABASE_URL, or an embedded one in a temporary DATA_DIR,
// which the first server started on it serves (and the next one, after a crash, takes over).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { assertLocalDatabase } from "../../dev/assert-local-database";

export type AppDatabase = {
  /** Pass to startTestServer({ env }). */
  env: Record<string, string>;
  /** One query on a connection of its own (embedded: while a server on it is running). */
  query: <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<T[]>;
  drop: () => Promise<void>;
};

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createAppDatabase(): Promise<AppDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    assertLocalDatabase(adminUrl);
    const name = `grover_test_${randomBytes(6).toString("hex")}`;
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      query: (sql, params) =>
        withClient(url.toString(), async (c) => (await c.query(sql, params)).rows),
      drop: () =>
        withClient(adminUrl, async (c) => {
          await c.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
            [name],
          );
          await c.query(`DROP DATABASE IF EXISTS "${name}"`);
        }),
    };
  }

  const dataDir = await mkdtemp(path.join(tmpdir(), "grover-test-"));
  const embeddedUrl = () => {
    const state = JSON.parse(readFileSync(path.join(dataDir, "pglite", "server.json"), "utf8")) as {
      port: number | null;
    };
    if (!state.port) throw new Error("The embedded database is not being served right now.");
    return `postgresql://postgres:postgres@127.0.0.1:${state.port}/postgres`;
  };
  return {
    env: { DATA_DIR: dataDir },
    query: (sql, params) =>
      withClient(embeddedUrl(), async (c) => (await c.query(sql, params)).rows),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}
