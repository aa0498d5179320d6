// Fills the database with realistic data for the benchmark:
//   npm run seed -- --users 10000 --posts 1000000 --follows 200 [--reset]
// Uses DATABASE_URL (local servers only) or the embedded database, migrated first. Every row is
// written by a handful of INSERT ... SELECT FROM generate_series statements inside PostgreSQL,
// so the data never crosses the wire; the counters are then set from the rows by one aggregate
// UPDATE per table, as the app would have kept them.
//
// Shape: follows and post authorship follow a power law (user 1 is the most popular account,
// then 2, ...), likes, reactions, comments and saves favour a minority of posts, dates spread
// over the last year, and each post carries one of 500 hashtags (a few common, most rare).
// Seeded users are seed_1 ... seed_N, emails seed_<i>@example.com, password in
// scripts/seed-password.ts.
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { assertLocalDatabase } from "../dev/assert-local-database";
import { setUpDatabase } from "../lib/database/set-up-database";
import { SEED_PASSWORD } from "./seed-password";

type Options = { users: number; posts: number; follows: number; reset: boolean };

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

const WORDS = [
  "garden", "coffee", "music", "photo", "travel", "design", "code", "recipe", "morning", "city",
  "light", "studio", "sketch", "podcast", "video", "story", "weekend", "project", "launch", "idea",
]; // prettier-ignore
const EMOJI = ["❤️", "😂", "😮", "😢", "🔥", "👏"];

type Step = [name: string, sql: string, params?: unknown[]];

// One statement per step. The sizes are checked whole numbers, written into the SQL as literals.
function steps({ users: U, posts: P, follows: F }: Options, passwordHash: string): Step[] {
  return [
    [
      "users",
      `INSERT INTO "User" (id, email, "emailVerified", username, "displayName", bio, "passwordHash", "createdAt", "updatedAt")
     SELECT 'seed_u' || i, 'seed_' || i || '@example.com', now(), 'seed_' || i, 'Seed User ' || i,
            'Seeded account number ' || i, $1, now() - (random() * interval '730 days'), now()
     FROM generate_series(1, ${U}) AS i`,
      [passwordHash],
    ],
    [
      "follows",
      // Each user follows about F others, picked with a cubic skew towards low numbers.
      `INSERT INTO "Follow" ("followerId", "followingId", "createdAt")
     SELECT 'seed_u' || f, 'seed_u' || t, now() - (random() * interval '365 days')
     FROM generate_series(1, ${U}) AS f, generate_series(1, ${F}) AS k,
          LATERAL (SELECT 1 + floor(power(random(), 3) * ${U})::int + (k * 0) AS t) AS pick
     WHERE t <> f
     ON CONFLICT DO NOTHING`,
    ],
    [
      "posts",
      `INSERT INTO "Post" (id, "authorId", text, "createdAt", "updatedAt")
     SELECT 'seed_p' || i, 'seed_u' || (1 + floor(power(random(), 2) * ${U})::int),
            initcap(w[1 + (i % 20)]) || ' and ' || w[1 + (i * 7 % 20)] || ' notes, number ' || i ||
              '. #' || w[1 + (i * 3 % 20)] || (floor(power(random(), 3) * 25)::int),
            ts, ts
     FROM generate_series(1, ${P}) AS i,
          LATERAL (SELECT now() - (random() * interval '365 days') + (i * 0) * interval '1 s' AS ts) AS t,
          (SELECT $1::text[] AS w) AS words`,
      [WORDS],
    ],
    [
      "hashtags",
      `INSERT INTO "PostTag" (tag, "postId", "createdAt")
     SELECT lower(substring(text from '#([A-Za-z]\\w*)')), id, "createdAt"
     FROM "Post" WHERE id LIKE 'seed\\_p%'`,
    ],
    [
      "likes",
      // About 5 per post, favouring the lowest-numbered (oldest-inserted) posts.
      `INSERT INTO "Like" ("userId", "postId", "createdAt")
     SELECT 'seed_u' || (1 + floor(random() * ${U})::int),
            'seed_p' || (1 + floor(power(random(), 2) * ${P})::int), now()
     FROM generate_series(1, ${P} * 5)
     ON CONFLICT DO NOTHING`,
    ],
    [
      "reactions",
      `INSERT INTO "Reaction" ("userId", "postId", emoji, "createdAt")
     SELECT 'seed_u' || (1 + floor(random() * ${U})::int),
            'seed_p' || (1 + floor(power(random(), 2) * ${P})::int),
            ($1::text[])[1 + floor(power(random(), 2) * 6)::int], now()
     FROM generate_series(1, ${P} * 2)
     ON CONFLICT DO NOTHING`,
      [EMOJI],
    ],
    [
      "comments",
      `INSERT INTO "Comment" (id, "postId", "authorId", text, "createdAt")
     SELECT 'seed_c' || i, 'seed_p' || (1 + floor(power(random(), 2) * ${P})::int),
            'seed_u' || (1 + floor(random() * ${U})::int), 'Nice one, comment ' || i, now()
     FROM generate_series(1, ${P} / 2) AS i`,
    ],
    [
      "saves",
      `INSERT INTO "Save" ("userId", "postId", "createdAt")
     SELECT 'seed_u' || (1 + floor(random() * ${U})::int),
            'seed_p' || (1 + floor(power(random(), 2) * ${P})::int), now()
     FROM generate_series(1, ${P} / 3)
     ON CONFLICT DO NOTHING`,
    ],
    [
      "reaction counts",
      `INSERT INTO "PostReactionCount" ("postId", emoji, count)
     SELECT "postId", emoji, count(*) FROM "Reaction" WHERE "postId" LIKE 'seed\\_p%'
     GROUP BY "postId", emoji`,
    ],
    [
      "post counters",
      `UPDATE "Post" p SET "likeCount" = coalesce(l.n, 0), "reactionCount" = coalesce(r.n, 0),
            "commentCount" = coalesce(c.n, 0)
     FROM "Post" p2
     LEFT JOIN (SELECT "postId", count(*)::int AS n FROM "Like" GROUP BY 1) l ON l."postId" = p2.id
     LEFT JOIN (SELECT "postId", count(*)::int AS n FROM "Reaction" GROUP BY 1) r ON r."postId" = p2.id
     LEFT JOIN (SELECT "postId", count(*)::int AS n FROM "Comment" GROUP BY 1) c ON c."postId" = p2.id
     WHERE p.id = p2.id AND p.id LIKE 'seed\\_p%'
       AND (l.n IS NOT NULL OR r.n IS NOT NULL OR c.n IS NOT NULL)`,
    ],
    [
      "user counters",
      `UPDATE "User" u SET "followersCount" = coalesce(fr.n, 0), "followingCount" = coalesce(fg.n, 0),
            "postsCount" = coalesce(ps.n, 0), "likesReceivedCount" = coalesce(ps.likes, 0)
     FROM "User" u2
     LEFT JOIN (SELECT "followingId" AS id, count(*)::int AS n FROM "Follow" GROUP BY 1) fr ON fr.id = u2.id
     LEFT JOIN (SELECT "followerId" AS id, count(*)::int AS n FROM "Follow" GROUP BY 1) fg ON fg.id = u2.id
     LEFT JOIN (SELECT "authorId" AS id, count(*)::int AS n, sum("likeCount")::int AS likes
                FROM "Post" GROUP BY 1) ps ON ps.id = u2.id
     WHERE u.id = u2.id AND u.id LIKE 'seed\\_u%'`,
    ],
  ];
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
      console.log(`reset            ${ms(started)}`);
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
    for (const [name, sql, params] of steps(options, passwordHash)) {
      const started = performance.now();
      const result = await client.query(sql, params);
      console.log(
        `${name.padEnd(16)} ${String(result.rowCount ?? 0).padStart(10)} rows  ${ms(started)}`,
      );
    }
    if (skipChecks) await client.query("SET session_replication_role = DEFAULT");
    // VACUUM as well as ANALYZE: it marks the pages all-visible, so index-only scans (the feed's)
    // skip the table, as they would once autovacuum had passed over a live database.
    const started = performance.now();
    await client.query("VACUUM ANALYZE");
    console.log(`${"vacuum analyze".padEnd(16)} ${"".padStart(15)} ${ms(started)}`);
    console.log(`Seeded in ${ms(total)}. Sign in as seed_1@example.com / ${SEED_PASSWORD}.`);
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

function ms(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
