import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { migrationChecksum } from "./migration-checksum";

export type MigrationFile = { name: string; sql: string; checksum: string };

/**
 * The migrations in `dir`, oldest first: every sub-directory is one migration and holds
 * `migration.sql`, as Prisma lays them out (other files in a migration directory are ignored,
 * by Prisma too). Directories sort by name, which starts with a UTC timestamp.
 */
export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!existsSync(file)) {
        throw new Error(`Migration directory ${name} has no migration.sql (${file}).`);
      }
      const bytes = readFileSync(file);
      return { name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    });
}
