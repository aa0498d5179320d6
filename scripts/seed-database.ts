// The seed's statements, importable (scripts/seed.ts runs them from the command line, and
// tests/db/seed-graph.test.ts on a small database). Every row is written by a handful of
// INSERT ... SELECT FROM generate_series statements inside PostgreSQL, so the data never crosses
// the wire; the counters are then set from the rows by one aggregate UPDATE per table, as the app
// would have kept them.
//
// Shape: a follow graph drawn per user (below), post authorship on a power law (user 1 posts
// most, then 2, ...), likes, reactions, comments and saves favouring a minority of posts, dates
// spread over the last year, and each post carrying one of 500 hashtags (a few common, most rare).
import type pg from "pg";

export type SeedOptions = {
  users: number;
  posts: number;
  /** The median number of accounts a user follows. */
  follows: number;
};

export type SeedGraph = {
  followers: { p50: number; p99: number; max: number; maxUser: string };
  following: { p50: number; p99: number; max: number; min: number };
};

const WORDS = [
  "garden", "coffee", "music", "photo", "travel", "design", "code", "recipe", "morning", "city",
  "light", "studio", "sketch", "podcast", "video", "story", "weekend", "project", "launch", "idea",
]; // prettier-ignore
const EMOJI = ["❤️", "😂", "😮", "😢", "🔥", "👏"];

// Following counts are log-normal around the median: with 0.85, about 1% of users reach the
// 1,000 cap and 1% sit below a sixth of the median.
const FOLLOWING_SIGMA = 0.85;
const FOLLOWING_MIN = 10;
const FOLLOWING_MAX = 1_000;

export type Step = [name: string, sql: string, params?: unknown[]];

function followsStep(U: number, F: number): Step {
  const min = Math.min(FOLLOWING_MIN, U - 1);
  const max = Math.min(FOLLOWING_MAX, U - 1);
  return [
    "follows",
    // Each user draws how many to follow (n, log-normal: Box-Muller on two random() calls),
    // then that many accounts independently of every other user. Targets are Zipf-distributed
    // over the user number (floor((U+1)^u) picks k with probability ∝ 1/k), so seed_1 is the most
    // followed, a few hundred accounts have thousands of followers and most have tens. Draws
    // repeat (the top accounts most), so each user keeps the first n distinct accounts drawn,
    // which is sampling without replacement with those odds; the n²/400 extra draws cover the
    // heavy followers, whose draws repeat most.
    // MATERIALIZED: n must be drawn once per user, not once per row of the join below (a
    // subquery with random() that doesn't depend on the outer row is the bug this replaces:
    // PostgreSQL drew it once and every user followed the same accounts).
    `WITH chooser AS MATERIALIZED (
       SELECT f, least(${max}, greatest(${min}, round(${F} * exp(${FOLLOWING_SIGMA} *
                sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))))::int AS n
       FROM generate_series(1, ${U}) AS f
     ), drawn AS MATERIALIZED (
       SELECT f, n, j, floor(power(${U + 1}, random()))::int AS t
       FROM chooser, generate_series(1, ceil(n * 1.2 + n * n / 400.0)::int + 10) AS j
     ), picked AS (
       SELECT f, t, n, row_number() OVER (PARTITION BY f ORDER BY min(j)) AS k
       FROM drawn WHERE t <> f GROUP BY f, t, n
     )
     INSERT INTO "Follow" ("followerId", "followingId", "createdAt")
     SELECT 'seed_u' || f, 'seed_u' || t, now() - (random() * interval '365 days')
     FROM picked WHERE k <= n`,
  ];
}

/** One statement per step. The sizes are checked whole numbers, written into the SQL as literals. */
export function seedSteps(
  { users: U, posts: P, follows: F }: SeedOptions,
  passwordHash: string,
): Step[] {
  return [
    [
      "users",
      // Verified, as if each had followed the link in the verification mail.
      `INSERT INTO "User" (id, email, "emailVerified", username, "displayName", bio, "passwordHash",
                          "createdAt", "updatedAt")
     SELECT 'seed_u' || i, 'seed_' || i || '@example.com', now(), 'seed_' || i, 'Seed User ' || i,
            'Seeded account number ' || i, $1, now() - (random() * interval '730 days'), now()
     FROM generate_series(1, ${U}) AS i`,
      [passwordHash],
    ],
    followsStep(U, F),
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
    [
      // A live server appends posts as they are written, so the newest sit together on the
      // newest pages; the steps above drew dates at random and then rewrote every post (the
      // counters). Without this the table is twice its size and a page of recent posts touches
      // a page of the table per post: the benchmark would measure the seed, not the app.
      "post order",
      `CLUSTER "Post" USING "Post_createdAt_id_idx"`,
    ],
  ];
}

/** Runs the steps on a migrated database, reporting each as it finishes. */
export async function seedDatabase(
  client: pg.Client,
  options: SeedOptions,
  passwordHash: string,
  onStep: (name: string, rows: number, ms: number) => void = () => {},
): Promise<SeedGraph> {
  for (const [name, sql, params] of seedSteps(options, passwordHash)) {
    const started = performance.now();
    const result = await client.query(sql, params);
    onStep(name, result.rowCount ?? 0, performance.now() - started);
  }
  return describeSeedGraph(client);
}

/** The follow graph the seed made, from the counters the last step set. */
export async function describeSeedGraph(client: pg.Client | pg.Pool): Promise<SeedGraph> {
  const { rows } = await client.query(
    `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY "followersCount") AS fr50,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY "followersCount") AS fr99,
            max("followersCount") AS frmax,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY "followingCount") AS fg50,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY "followingCount") AS fg99,
            max("followingCount") AS fgmax, min("followingCount") AS fgmin,
            (SELECT username FROM "User" WHERE id LIKE 'seed\\_u%'
             ORDER BY "followersCount" DESC LIMIT 1) AS top
     FROM "User" WHERE id LIKE 'seed\\_u%'`,
  );
  const r = rows[0];
  return {
    followers: { p50: r.fr50, p99: r.fr99, max: r.frmax, maxUser: r.top },
    following: { p50: r.fg50, p99: r.fg99, max: r.fgmax, min: r.fgmin },
  };
}
