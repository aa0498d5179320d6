import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { loadSchemaEngine } from "./load-schema-engine";

// Development tooling for scripts/db-new-migration.ts; never loaded by the app.

/**
 * The SQL that migrates a database from schema `from` (null: an empty database) to schema `to`,
 * both Prisma schema texts, or null when they describe the same database.
 *
 * A schema-to-schema diff needs no database, but the engine insists on a driver adapter and
 * sends it one probe query when it starts; `offlineAdapter` answers that probe and refuses
 * anything else, so the diff never touches a real database.
 */
export async function diffSchemas(from: string | null, to: string): Promise<string | null> {
  const engine = await offlineEngine();
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

let engine: Promise<SchemaEngine> | undefined;

function offlineEngine(): Promise<SchemaEngine> {
  return (engine ??= loadSchemaEngine(offlineAdapter()));
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
      if (!query.sql.startsWith("SELECT EXISTS(SELECT 1 FROM pg_namespace")) {
        return refuse(query.sql);
      }
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
