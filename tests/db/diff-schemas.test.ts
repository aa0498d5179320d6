import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffSchemas } from "@/lib/database/diff-schemas";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MIGRATIONS = path.join(ROOT, "prisma/migrations");
const dirs = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const snapshot = (dir: string) =>
  readFileSync(path.join(MIGRATIONS, dir, "schema.prisma.snapshot"), "utf8");

describe("diffSchemas (the migration generator's engine)", { timeout: 60_000 }, () => {
  it("reproduces the generated part of the first migration from its snapshot", async () => {
    const first = dirs[0]!;
    const sql = await diffSchemas(null, snapshot(first));
    expect(sql).toContain('CREATE TABLE "User"');
    expect(
      readFileSync(path.join(MIGRATIONS, first, "migration.sql"), "utf8").startsWith(sql!),
    ).toBe(true);
  });

  it("finds no changes between prisma/schema.prisma and the latest snapshot", async () => {
    // Fails when the schema was changed without `npm run db:migration -- <name>`.
    const current = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
    expect(await diffSchemas(snapshot(dirs.at(-1)!), current)).toBeNull();
  });

  it("writes the SQL for a schema change", async () => {
    const before = snapshot(dirs.at(-1)!);
    const after = before.replace(/(\n\s*bio\s+String[^\n]*\n)/, "$1  pronouns String?\n");
    expect(after).not.toBe(before);
    expect(await diffSchemas(before, after)).toBe(
      '-- AlterTable\nALTER TABLE "User" ADD COLUMN     "pronouns" TEXT;\n',
    );
  });
});
