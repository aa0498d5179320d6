// Fills the database with realistic data for the benchmark:
//   npm run seed -- --users 10000 --posts 1000000 --follows 150 [--reset]
// Uses DATABASE_URL (local servers only) or the embedded database, migrated first. The data's
// shape is described in scripts/seed-database.ts; `--follows` is the median number of accounts a
// user follows. Ends by printing the follow graph it made. Seeded users are seed_1 ... seed_N,
// emails seed_<i>@example.com, password in scripts/seed-password.ts.
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { assertLocalDatabase } from "../dev/assert-local-database";
import { setUpDatabase } from "../lib/database/set-up-database";
import { rebuildAllTimelines } from "./rebuild-timelines";
import { seedDatabase, type SeedOptions } from "./seed-database";
import { SEED_PASSWORD } from "./seed-password";

type Options = SeedOptions & { reset: boolean };

function parseArgs(argv: string[]): Options {
  const options: Options = { users: 1_000, posts: 10_000, follows: 50, reset: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--reset") options.reset = true;
    else if (arg === "--users" || arg === "--posts" || arg === "--follows") {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number`);
      options[arg.slice(2) as "users" | "posts" | "follows"] = value;
    } else throw new Error(`Unknown argument ${arg}`);
  }
  if (options.users < 2) throw new Error("--users must be at least 2");
  options.follows = Math.min(options.follows, options.users - 1);
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (process.env.DATABASE_URL) assertLocalDatabase(process.env.DATABASE_URL);
  const { url, embedded } = await setUpDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query(`SELECT 1 FROM "User" WHERE id = 'seed_u1'`);
    if (existing.rowCount) {
      if (!options.reset) {
        throw new Error("The database is already seeded: pass --reset to replace the seed data.");
      }
      const started = performance.now();
      // Cascades to their posts, follows, likes and the rest.
      await client.query(`DELETE FROM "User" WHERE id LIKE 'seed\\_u%'`);
      console.log(`reset            ${ms(performance.now() - started)}`);
    }
    const passwordHash = await hash(SEED_PASSWORD, {
      algorithm: 2,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    const total = performance.now();
    // Foreign keys are checked by a trigger per row: tens of millions of lookups for ids these
    // statements draw from the ranges they just inserted. A superuser can skip them for this
    // session (replica mode); anyone else gets the checks.
    const skipChecks = await client.query("SET session_replication_role = replica").then(
      () => true,
      () => false,
    );
    if (!skipChecks) console.log("(not a superuser: foreign keys are checked row by row)");
    const graph = await seedDatabase(client, options, passwordHash, (name, rows, took) =>
      console.log(`${name.padEnd(16)} ${String(rows).padStart(10)} rows  ${ms(took)}`),
    );
    await rebuildAllTimelines(client); // the bulk inserts skipped the timelines' triggers
    if (skipChecks) await client.query("SET session_replication_role = DEFAULT");
    // VACUUM as well as ANALYZE: it marks the pages all-visible, so index-only scans (the feed's)
    // skip the table, as they would once autovacuum had passed over a live database.
    const started = performance.now();
    await client.query("VACUUM ANALYZE");
    console.log(
      `${"vacuum analyze".padEnd(16)} ${"".padStart(15)} ${ms(performance.now() - started)}`,
    );
    console.log(
      `Seeded in ${ms(performance.now() - total)}. Sign in as seed_1@example.com / ${SEED_PASSWORD}.`,
    );
    const { followers: fr, following: fg } = graph;
    console.log(
      `Followers per user: p50 ${fr.p50}, p99 ${fr.p99}, max ${fr.max} (${fr.maxUser}). ` +
        `Following: p50 ${fg.p50}, p99 ${fg.p99}, max ${fg.max}, min ${fg.min}.`,
    );
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

function ms(took: number): string {
  return `${Math.round(took)} ms`;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
