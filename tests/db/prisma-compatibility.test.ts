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
import { PrismaPg } from "@prisma/adapter-pg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/database/apply-migrations";
import { loadSchemaEngine } from "@/lib/database/load-schema-engine";
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "@/lib/database/start-embedded-database";

// Our runner and Prisma's own schema engine (what `prisma migrate deploy` runs) must each accept
// the other's history. The WebAssembly build of the engine stands in for the native one here;
// it can apply migrations and read _prisma_migrations, though not introspect a schema.

const filters = { externalTables: [], externalEnums: [] };
let dataDir: string;
let migrationsDir: string;
let database: EmbeddedDatabase;
let engine: SchemaEngine;

function migrationsList(): MigrationList {
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8"),
    },
    shadowDbInitScript: "",
    migrationDirectories: readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => ({
        path: entry.name,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: readFileSync(path.join(migrationsDir, entry.name, "migration.sql"), "utf8"),
          },
        },
      })),
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "grover-prisma-compat-"));
  migrationsDir = path.join(dataDir, "migrations");
  cpSync(path.resolve(import.meta.dirname, "../../prisma/migrations"), migrationsDir, {
    recursive: true,
  });
  database = await startEmbeddedDatabase({ dataDir });
  engine = await loadSchemaEngine(new PrismaPg({ connectionString: database.url, max: 1 }));
}, 60_000);

afterAll(async () => {
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("compatibility with Prisma's migration history", { timeout: 60_000 }, () => {
  it("takes over a database that Prisma migrated", async () => {
    // Also proves the migrations run through Prisma's driver-adapter path, which splits
    // scripts at every semicolon (a semicolon in a comment breaks it).
    const applied = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    expect(applied.appliedMigrationNames.length).toBeGreaterThan(0);

    const report = await applyMigrations(database.url, { migrationsDir });
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toEqual(applied.appliedMigrationNames);
  });

  it("leaves a history that Prisma finds complete and unedited", async () => {
    const name = "29990101000000_ours";
    mkdirSync(path.join(migrationsDir, name));
    writeFileSync(
      path.join(migrationsDir, name, "migration.sql"),
      'CREATE TABLE "Ours" (id int);\n',
    );
    expect((await applyMigrations(database.url, { migrationsDir })).applied).toEqual([name]);

    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList: migrationsList(),
      optInToShadowDatabase: false,
      filters,
    });
    expect(diagnosis).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
    const again = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    expect(again.appliedMigrationNames).toEqual([]);
  });
});
