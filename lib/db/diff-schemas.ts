import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

// Development tooling for scripts/db-new-migration.ts; never loaded by the app.

/**
 * The SQL that migrates a database from schema `from` (null: an empty database) to schema `to`,
 * both Prisma schema texts, or null when they describe the same database.
 *
 * Uses Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), since its
 * native binary cannot be downloaded here. A schema-to-schema diff needs no database, but the
 * engine insists on a driver adapter and sends it one probe query when it starts; `offlineAdapter`
 * answers that probe and refuses anything else, so the diff never touches a real database.
 */
export async function diffSchemas(from: string | null, to: string): Promise<string | null> {
  const engine = await schemaEngine();
  const schema = (content: string) => ({
    tag: "schemaDatamodel" as const,
    files: [{ path: "schema.prisma", content }],
  });
  const result = await engine.diff({
    from: from === null ? { tag: "empty" } : schema(from),
    to: schema(to),
    script: true,
    // exitCode: 2 when there is a difference, 0 when there is none.
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.exitCode === 2 ? (result.stdout ?? "") : null;
}

// wasm-bindgen keeps the instance in a module-level variable: load the module once per process.
const KEY = Symbol.for("grover.schemaEngine");
type WithEngine = { [KEY]?: Promise<SchemaEngine> };

function schemaEngine(): Promise<SchemaEngine> {
  const store = globalThis as WithEngine;
  return (store[KEY] ??= loadSchemaEngine());
}

async function loadSchemaEngine(): Promise<SchemaEngine> {
  // The package's entry imports the .wasm file as an ES module, which needs
  // `node --experimental-wasm-modules`. Instantiating the bytes here needs no flag.
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(gluePath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  const adapter = bindMigrationAwareSqlAdapterFactory(offlineAdapter());
  return glue.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}

function offlineAdapter(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string): never => {
    throw new Error(`diffSchemas has no database, but the schema engine asked for: ${what}`);
  };
  const connection: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      // The engine's start-up probe: does schema "public" exist, and which server version.
      // The version only steers CockroachDB/old-PostgreSQL quirks; 15 is CI's PostgreSQL.
      if (!query.sql.startsWith("SELECT EXISTS(SELECT 1 FROM pg_namespace"))
        return refuse(query.sql);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0", 150000]],
      };
    },
    executeRaw: async (query) => refuse(query.sql),
    executeScript: async (script) => refuse(script),
    startTransaction: async () => refuse("a transaction"),
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => connection,
    connectToShadowDb: async () => connection,
  };
}
