import { applyMigrations, type MigrationReport } from "./apply-migrations";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./start-embedded-database";

// No `import "server-only"`: scripts run by tsx (db:migrate) import this file too.

export type DatabaseSetup = {
  url: string;
  /** The embedded server in use, or null when DATABASE_URL named a PostgreSQL server. */
  embedded: EmbeddedDatabase | null;
  migrations: MigrationReport;
};

// On globalThis, not in a module variable: Next's dev server re-evaluates modules on every
// reload, and instrumentation and route handlers may load separate copies of this file.
const KEY = Symbol.for("grover.databaseSetup");
type Store = { [KEY]?: Promise<DatabaseSetup> };

/**
 * Once per process: picks the database (DATABASE_URL, or else the embedded PGlite under
 * DATA_DIR, whose URL then goes into DATABASE_URL for lib/db.ts) and applies pending migrations.
 * A failure is not remembered, so the next call tries again (say, once PostgreSQL is up).
 */
export function setUpDatabase(): Promise<DatabaseSetup> {
  const store = globalThis as Store;
  store[KEY] ??= run().catch((error: unknown) => {
    delete store[KEY];
    throw error;
  });
  return store[KEY];
}

async function run(): Promise<DatabaseSetup> {
  // Read directly, not through lib/config's env(): that module is server-only, and this one
  // also runs in tsx scripts. The defaults are the same.
  const configured = process.env.DATABASE_URL;
  const embedded = configured
    ? null
    : await startEmbeddedDatabase({ dataDir: process.env.DATA_DIR || ".data" });
  const url = configured ?? embedded!.url;
  try {
    const migrations = await applyMigrations(url);
    if (embedded) {
      process.env.DATABASE_URL = url;
      // Tells lib/db.ts to use one pooled connection, and /api/health what it is talking to.
      process.env.GROVER_EMBEDDED_DATABASE = "1";
    }
    return { url, embedded, migrations };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
