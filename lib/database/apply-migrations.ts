import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { checksumMatches } from "./migration-checksum";
import { readMigrations, type MigrationFile } from "./read-migrations";

// No `import "server-only"`: scripts run by tsx (db:migrate) import this file too.

export type MigrationReport = {
  /** Applied by this call, in order. */
  applied: string[];
  /** Already applied before this call. */
  alreadyApplied: string[];
  /** Recorded in the database but not on disk: migrations from a newer release. */
  unknown: string[];
};

type Row = { migration_name: string; checksum: string; finished_at: Date | null };

// The key `prisma migrate deploy` locks, so this runner and Prisma's exclude each other too.
const PRISMA_MIGRATE_LOCK = 72707369;

// Prisma's own DDL for its history table (schema engine, PostgreSQL connector).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies the pending migrations in `prisma/migrations` to the database at `url`, recording each
 * in `_prisma_migrations` as `prisma migrate deploy` does, so either tool can take over.
 *
 * Each migration runs in its own transaction together with its history row: a failing one
 * leaves neither a half-applied schema nor a "failed" row behind (so migration SQL must not
 * use statements that refuse transactions, such as CREATE INDEX CONCURRENTLY). Replicas that
 * start together serialise on a transaction-scoped advisory lock and re-check the history
 * inside it; a session lock would not do, because every connection to the embedded database
 * shares one backend session.
 *
 * Refuses to run when an applied migration's file has changed, or when Prisma recorded a
 * migration as failed (fix it with `prisma migrate resolve`, as Prisma would ask).
 */
export async function applyMigrations(
  url: string,
  {
    migrationsDir = path.join(process.cwd(), "prisma", "migrations"),
  }: { migrationsDir?: string } = {},
): Promise<MigrationReport> {
  const migrations = readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // Without a listener, a connection dropped while idle would be an uncaught 'error' event.
  client.on("error", () => {});
  await client.connect();
  try {
    // Read under the lock too: `prisma migrate deploy` shows a row as unfinished while it runs.
    const history = await inTransaction(client, async () => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_MIGRATE_LOCK]);
      await client.query(CREATE_MIGRATIONS_TABLE);
      return readHistory(client);
    });
    for (const migration of migrations) assertUnchanged(migration, history.get(migration.name));

    const report: MigrationReport = { applied: [], alreadyApplied: [], unknown: [] };
    const onDisk = new Set(migrations.map((m) => m.name));
    report.unknown = [...history.keys()].filter((name) => !onDisk.has(name));

    for (const migration of migrations) {
      if (history.get(migration.name)?.finished_at) {
        report.alreadyApplied.push(migration.name);
        continue;
      }
      const appliedNow = await inTransaction(client, async () => {
        await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_MIGRATE_LOCK]);
        // Another replica may have applied it while this one waited for the lock.
        const current = (await readHistory(client, migration.name)).get(migration.name);
        assertUnchanged(migration, current);
        if (current?.finished_at) return false;
        await applyOne(client, migration);
        return true;
      });
      (appliedNow ? report.applied : report.alreadyApplied).push(migration.name);
    }
    return report;
  } finally {
    await client.end().catch(() => {});
  }
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, clock_timestamp(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    // No parameters: pg sends a simple query, which may hold many statements.
    await client.query(migration.sql);
  } catch (error) {
    throw new Error(
      `Migration ${migration.name} failed${lineOf(migration.sql, error)}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  await client.query(
    `UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}

/** The rows that count (not rolled back), by migration name. */
async function readHistory(client: pg.Client, name?: string): Promise<Map<string, Row>> {
  const { rows } = await client.query<Row>(
    `SELECT migration_name, checksum, finished_at FROM _prisma_migrations
     WHERE rolled_back_at IS NULL AND ($1::text IS NULL OR migration_name = $1)
     ORDER BY started_at`,
    [name ?? null],
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function assertUnchanged(migration: MigrationFile, row: Row | undefined): void {
  if (!row) return;
  if (!row.finished_at) {
    throw new Error(
      `Migration ${migration.name} is recorded as failed in _prisma_migrations. Repair the database, ` +
        `then mark it with \`prisma migrate resolve --applied|--rolled-back ${migration.name}\`.`,
    );
  }
  if (!checksumMatches(migration.sql, row.checksum)) {
    throw new Error(
      `Migration ${migration.name} was changed after it was applied (checksum ${row.checksum} in the ` +
        `database). Restore the original migration.sql and put the change in a new migration.`,
    );
  }
}

async function inTransaction<T>(client: pg.Client, fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await fn();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** " (line N)" for a PostgreSQL error that carries a position in the script. */
function lineOf(sql: string, error: unknown): string {
  const position = Number((error as { position?: string }).position);
  if (!position) return "";
  return ` (line ${sql.slice(0, position).split("\n").length})`;
}
