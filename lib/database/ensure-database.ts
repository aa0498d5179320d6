import { setUpDatabase } from "./set-up-database";

// No `import "server-only"`: instrumentation.ts and tsx scripts import this file.

/**
 * The database URL, once the database is there and migrated: DATABASE_URL, or the embedded
 * PGlite server (started, or attached to if another process runs it), whose URL is then put in
 * process.env.DATABASE_URL. Idempotent and shared by every caller in the process.
 */
export async function ensureDatabase(): Promise<string> {
  return (await setUpDatabase()).url;
}
