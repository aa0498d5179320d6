import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/database/apply-migrations";
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "@/lib/database/start-embedded-database";

// Against the embedded database; tests/db/postgres.test.ts runs the same runner on PostgreSQL.

const ROOT = path.resolve(import.meta.dirname, "../..");
const MIGRATIONS = path.join(ROOT, "prisma/migrations");
const onDisk = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let dataDir: string;
const tempDirs: string[] = [];
let database: EmbeddedDatabase;
let client: pg.Client;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "grover-migrations-test-"));
  database = await startEmbeddedDatabase({ dataDir });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
}, 60_000);

afterAll(async () => {
  await client?.end();
  await database?.stop();
  for (const dir of [dataDir, ...tempDirs]) rmSync(dir, { recursive: true, force: true });
});

/** A migrations directory of its own: prisma/migrations plus `extra` ({ name: sql }). */
function migrationsDir(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "grover-migrations-"));
  tempDirs.push(dir);
  cpSync(MIGRATIONS, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("applyMigrations (embedded database)", { timeout: 60_000 }, () => {
  it("applies prisma/migrations to a fresh database", async () => {
    const report = await applyMigrations(database.url);
    expect(report).toEqual({ applied: onDisk, alreadyApplied: [], unknown: [] });

    const { rows: tables } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    // Later migrations add more tables; these are the first migration's and the record's.
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["Account", "Follow", "Session", "User", "_prisma_migrations"]),
    );
    // The hand-written part of the first migration: pg_trgm and the search indexes.
    const { rows: indexes } = await client.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'User' AND indexdef LIKE '%gin_trgm_ops%' ORDER BY 1`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual([
      "User_displayName_trgm_idx",
      "User_username_trgm_idx",
    ]);
  });

  it("records each migration in _prisma_migrations as Prisma does", async () => {
    const { rows: columns } = await client.query(
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      {
        column_name: "id",
        data_type: "character varying",
        length: 36,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "checksum",
        data_type: "character varying",
        length: 64,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        length: 255,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "logs",
        data_type: "text",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "NO",
        column_default: "now()",
      },
      {
        column_name: "applied_steps_count",
        data_type: "integer",
        length: null,
        is_nullable: "NO",
        column_default: "0",
      },
    ]);

    const { rows } = await client.query(`SELECT * FROM _prisma_migrations ORDER BY started_at`);
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk);
    for (const row of rows) {
      const file = readFileSync(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it("applies nothing the second time", async () => {
    const report = await applyMigrations(database.url);
    expect(report).toEqual({ applied: [], alreadyApplied: onDisk, unknown: [] });
  });

  it("refuses a migration changed after it was applied, but not a change of line endings", async () => {
    const name = "29990101000000_edited";
    const dir = migrationsDir({ [name]: 'CREATE TABLE "EditedTest" (id int);\nSELECT 1;\n' });
    await applyMigrations(database.url, { migrationsDir: dir });

    writeFileSync(
      path.join(dir, name, "migration.sql"),
      'CREATE TABLE "EditedTest" (id int);\r\nSELECT 1;\r\n',
    );
    await expect(applyMigrations(database.url, { migrationsDir: dir })).resolves.toMatchObject({
      applied: [],
    });

    writeFileSync(
      path.join(dir, name, "migration.sql"),
      'CREATE TABLE "EditedTest" (id bigint);\nSELECT 1;\n',
    );
    await expect(applyMigrations(database.url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${name} was changed after it was applied`,
    );
  });

  it("leaves neither schema changes nor a history row behind when a migration fails", async () => {
    const name = "29990102000000_broken";
    const dir = migrationsDir({
      [name]: 'CREATE TABLE "BrokenTest" (id int);\nSELECT no_such_function();\n',
    });
    await expect(applyMigrations(database.url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${name} failed (line 2): function no_such_function() does not exist`,
    );
    const { rows } = await client.query(
      `SELECT to_regclass('"BrokenTest"') AS t, (SELECT count(*)::int FROM _prisma_migrations WHERE migration_name = $1) AS n`,
      [name],
    );
    expect(rows).toEqual([{ t: null, n: 0 }]);
  });

  it("applies each migration once when several processes run at the same time", async () => {
    const names = ["29990103000000_race_a", "29990103000001_race_b"];
    const dir = migrationsDir({
      [names[0]!]: 'CREATE TABLE "RaceTest" (id int);\n',
      [names[1]!]: 'INSERT INTO "RaceTest" VALUES (1);\n',
    });
    const reports = await Promise.all(
      [1, 2, 3].map(() => applyMigrations(database.url, { migrationsDir: dir })),
    );
    expect(reports.flatMap((r) => r.applied).sort()).toEqual(names);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "RaceTest"`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("reports migrations that are in the database but not on disk", async () => {
    const report = await applyMigrations(database.url);
    expect(report.unknown).toEqual(
      expect.arrayContaining(["29990101000000_edited", "29990103000000_race_a"]),
    );
  });

  it("refuses to continue after a migration that Prisma recorded as failed", async () => {
    const name = "29990104000000_failed_by_prisma";
    const dir = migrationsDir({ [name]: "SELECT 1;\n" });
    // What `prisma migrate deploy` leaves when a script fails: a row without finished_at.
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES (gen_random_uuid(), $1, $2, 'boom')`,
      ["0".repeat(64), name],
    );
    await expect(applyMigrations(database.url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${name} is recorded as failed`,
    );
  });
});
