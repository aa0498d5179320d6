// Applies pending migrations: `npm run db:migrate`. Uses DATABASE_URL, or the embedded database
// under DATA_DIR (attaching to it when `next dev` already runs it, starting it otherwise).
import { setUpDatabase } from "../lib/database/set-up-database";

async function main(): Promise<void> {
  // The same set-up the app runs at start (ensureDatabase), with its details for the report.
  const { url, embedded, migrations } = await setUpDatabase();
  try {
    const where = embedded
      ? `embedded database at ${url}${embedded.owned ? "" : " (run by another process)"}`
      : `database at ${redact(url)}`;
    console.log(`Database: ${where}`);
    for (const name of migrations.applied) console.log(`  applied  ${name}`);
    if (migrations.applied.length === 0) console.log("  No pending migrations.");
    console.log(`  ${migrations.alreadyApplied.length} already applied.`);
    for (const name of migrations.unknown) {
      console.log(`  note: ${name} is in the database but not in prisma/migrations (newer code?)`);
    }
  } finally {
    await embedded?.stop();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
