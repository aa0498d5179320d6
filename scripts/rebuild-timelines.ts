// Builds every user's home timeline from the rows, in bulk SQL (lib/timeline/rebuild-timelines.ts):
//   npm run timelines:rebuild [-- --days 30]
// For a database from before timelines, after a bulk load that skipped the triggers (the seed
// calls it), or after changing TIMELINE_MAX_ENTRIES or TIMELINE_FANOUT_MAX_FOLLOWERS. Entries
// older than --days are left to the feed's fan-out on read. Safe while the app runs: each batch
// of users is swapped in one transaction, and the gaps of fan-outs still running stay.
import pg from "pg";
import { assertLocalDatabase } from "../dev/assert-local-database";
import { setUpDatabase } from "../lib/database/set-up-database";
import { rebuildTimelines } from "../lib/timeline/rebuild-timelines";
import { timelineSettings } from "../lib/timeline/timeline-settings";

export async function rebuildAllTimelines(client: pg.ClientBase, days = 30): Promise<void> {
  const started = performance.now();
  // Statistics and the visibility map first: without them (right after a bulk load) each
  // user's reads plan badly and read the table for every index entry, ten times slower.
  await client.query(`VACUUM ANALYZE "Follow", "Post", "Repost", "User"`);
  const { users } = await rebuildTimelines(client, {
    ...timelineSettings(),
    since: new Date(Date.now() - days * 24 * 60 * 60 * 1000),
  });
  console.log(
    `${"timelines".padEnd(16)} ${String(users).padStart(10)} users ${Math.round(performance.now() - started)} ms`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const daysAt = args.indexOf("--days");
  const days = daysAt >= 0 ? Number(args[daysAt + 1]) : 30;
  if (!Number.isFinite(days) || days <= 0) throw new Error("--days needs a positive number");
  if (process.env.DATABASE_URL) assertLocalDatabase(process.env.DATABASE_URL);
  const { url, embedded } = await setUpDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await rebuildAllTimelines(client, days);
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
