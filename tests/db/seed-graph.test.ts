import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { seedDatabase, type SeedGraph } from "@/scripts/seed-database";

// The seed's follow graph must be a real one: before, every user followed the same accounts
// (one random draw shared by all), so the feed the benchmark measured was the same feed for
// everyone and the fan-out it measured had nothing to do with a social graph.

const USERS = 400;
const MEDIAN_FOLLOWS = 40;

let cleanup: () => Promise<void>;
let client: pg.Client;
let graph: SeedGraph;
beforeAll(async () => {
  cleanup = await useTestDatabase();
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  graph = await seedDatabase(
    client,
    { users: USERS, posts: 500, follows: MEDIAN_FOLLOWS },
    "not-a-real-hash",
  );
}, 120_000);
afterAll(async () => {
  await client?.end();
  await cleanup?.();
});

it("draws each user's follow set independently", async () => {
  const { rows } = await client.query<{ sets: number; followers: number }>(
    `SELECT count(DISTINCT ids)::int AS sets, count(*)::int AS followers
     FROM (SELECT array_agg("followingId" ORDER BY "followingId") AS ids
           FROM "Follow" GROUP BY "followerId") AS s`,
  );
  expect(rows[0]!.followers).toBe(USERS);
  // Independent draws of dozens of accounts each: no two sets alike.
  expect(rows[0]!.sets).toBe(USERS);
});

it("puts followers on a power law, seed_1 at the top, and varies following counts", async () => {
  expect(graph.followers.maxUser).toBe("seed_1");
  // A few accounts followed by most users, the median by a few dozen.
  expect(graph.followers.max).toBeGreaterThan(USERS * 0.6);
  expect(graph.followers.max).toBeGreaterThan(graph.followers.p50 * 5);
  expect(graph.following.p50).toBeGreaterThan(MEDIAN_FOLLOWS * 0.7);
  expect(graph.following.p50).toBeLessThan(MEDIAN_FOLLOWS * 1.3);
  expect(graph.following.min).toBeGreaterThanOrEqual(10);
  expect(graph.following.max).toBeGreaterThan(graph.following.p50 * 2.5);
  // The counters agree with the rows, as the app keeps them.
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM "User" u
     WHERE "followersCount" <> (SELECT count(*) FROM "Follow" WHERE "followingId" = u.id)
        OR "followingCount" <> (SELECT count(*) FROM "Follow" WHERE "followerId" = u.id)`,
  );
  expect(rows[0].n).toBe(0);
  const verified = await client.query(
    `SELECT count(*)::int AS n FROM "User" WHERE "emailVerified" IS NULL`,
  );
  expect(verified.rows[0].n).toBe(0);
});
