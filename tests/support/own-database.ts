// A database for one test file's own server, reachable at a URL the test controls (to put a
// proxy in front of it, say): a fresh database on DATABASE_URL's server when it is set, else an
// embedded PGlite served from this process.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/database/start-embedded-database";
import { assertLocalDatabase } from "../../dev/assert-local-database";

export type OwnDatabase = { url: URL; env: Record<string, string>; drop: () => Promise<void> };

async function admin(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A database of our own to put the proxy in front of: on DATABASE_URL's server, or embedded. */
export async function ownDatabase(): Promise<OwnDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    assertLocalDatabase(adminUrl);
    const name = `grover_obs_${randomBytes(6).toString("hex")}`;
    await admin(adminUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url,
      env: {},
      drop: async () => {
        await admin(
          adminUrl,
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
          [name],
        );
        await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}"`);
      },
    };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "grover-obs-db-"));
  const embedded = await startEmbeddedDatabase({ dataDir });
  return {
    url: new URL(embedded.url),
    // PGlite is one backend: the app keeps to one connection, as with its own embedded database.
    env: { GROVER_EMBEDDED_DATABASE: "1" },
    drop: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
