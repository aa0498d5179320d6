import "server-only";
import path from "node:path";
import { db } from "@/lib/db";
import { readMigrations } from "@/lib/database/read-migrations";
import { timed } from "./timed";

// The migrations this build ships with; the image copies prisma/migrations next to the server.
let shipped: string[] | undefined;
function shippedMigrations(): string[] {
  shipped ??= readMigrations(path.join(process.cwd(), "prisma", "migrations")).map((m) => m.name);
  return shipped;
}

/** Ready: the database answers and every migration this build ships with is applied. */
export async function checkReadiness() {
  let applied = new Set<string>();
  const check = await timed(async () => {
    const rows = await db.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((row) => row.migration_name));
  });
  const pendingMigrations =
    check.status === "ok" ? shippedMigrations().filter((name) => !applied.has(name)) : [];
  return {
    status:
      check.status === "ok" && pendingMigrations.length === 0
        ? ("ready" as const)
        : ("not_ready" as const),
    database: check.status,
    pendingMigrations,
    ...(check.error ? { error: check.error } : {}),
  };
}
