// The benchmark: `npm run seed` first, then `npm run bench`. Starts the production build (the
// standalone server the Dockerfile runs, built first if missing) against DATABASE_URL
// (PostgreSQL, local), signs in as seeded users, drives each hot endpoint with autocannon at
// fixed concurrency for a fixed time, and writes bench-results.json and a markdown table.
// Besides the endpoints: the empty route (the ceiling the framework leaves), the feed's SQL run
// with raw `pg` and under EXPLAIN ANALYZE, page 500 of the feed against page 1, and posting as
// the most-followed account with the events worker in a process of its own, timing how long the
// post takes to reach a follower's feed.
//   BENCH_DURATION (s per endpoint, default 10), BENCH_CONNECTIONS (default 20),
//   BENCH_USER (default seed_5, an ordinary account), BENCH_DELIVERY_POSTS (default 20).
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { timelineIdsSql } from "../lib/posts/feed-ids-sql";
import { feedPageSql } from "../lib/posts/feed-page-sql";
import { assertLocalDatabase } from "../dev/assert-local-database";
import { cursorPosition, explainFeed } from "./bench/explain-feed";
import { measureDelivery } from "./bench/measure-delivery";
import { startServerProcess } from "./bench/server-process";
import { benchTable, type BenchResults, type Row } from "./bench/bench-table";
import { describeSeedGraph } from "./seed-database";
import { SEED_PASSWORD } from "./seed-password";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const USER = process.env.BENCH_USER ?? "seed_5";
const DELIVERY_POSTS = Number(process.env.BENCH_DELIVERY_POSTS ?? 20);
const PORT = 3100 + Math.floor(Math.random() * 800);
const BASE = `http://127.0.0.1:${PORT}`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarise(
  name: string,
  ms: number[],
  errors: number,
  seconds: number,
  queries: number | null,
): Row {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    name,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    rps: Math.round(ms.length / seconds),
    requests: ms.length,
    errors,
    queries,
  };
}

async function http(path: string, init: RequestInit = {}) {
  const res = await fetch(BASE + path, init);
  const text = await res.text();
  const queries = res.headers.get("x-sql-queries");
  return {
    status: res.status,
    queries: queries === null ? null : Number(queries),
    body: res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text,
  };
}

async function signIn(username: string): Promise<string> {
  const session = await http("/api/auth/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `${username}@example.com`, password: SEED_PASSWORD }),
  });
  if (session.status >= 300) throw new Error(`Sign-in as ${username} failed: ${session.status}`);
  return session.body.token;
}

type Case = { name: string; path: string; method?: string; body?: unknown; token?: string };

async function load(c: Case): Promise<Row> {
  const headers: Record<string, string> = {};
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  const body = c.body === undefined ? undefined : JSON.stringify(c.body);
  if (body) headers["content-type"] = "application/json";
  const probe = await http(c.path, { method: c.method ?? "GET", headers, body });
  if (probe.status >= 400)
    throw new Error(`${c.name}: HTTP ${probe.status} ${JSON.stringify(probe.body)}`);
  const latencies: number[] = [];
  let failures = 0;
  const instance = autocannon({
    url: BASE + c.path,
    connections: CONNECTIONS,
    duration: DURATION,
    method: c.method ?? "GET",
    headers,
    body,
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    latencies.push(ms);
    if (status >= 400) failures += 1;
  });
  const result = await instance;
  console.error(`done: ${c.name}`);
  return summarise(
    c.name,
    latencies,
    failures + result.errors + result.timeouts,
    DURATION,
    probe.queries,
  );
}

/** The feed's first page done with raw `pg`: the very statement lib/posts/list-feed.ts runs
 * (its entries and their posts), prepared as the server prepares it, without Next.js, the
 * session lookup or JSON shaping. */
async function rawFeed(pool: pg.Pool, viewerId: string): Promise<Row> {
  const latencies: number[] = [];
  const until = Date.now() + DURATION * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const statement = feedPageSql(timelineIdsSql(viewerId, null, 21), viewerId);
      // Named, so prepared once per connection, as the server runs it (lib/db.ts).
      await pool.query({ name: "bench-feed", text: statement.text, values: statement.values });
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return summarise("feed, raw pg (the same statement)", latencies, 0, DURATION, 1);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error("Set DATABASE_URL to a local PostgreSQL seeded with `npm run seed`.");
  assertLocalDatabase(databaseUrl);
  if (!existsSync(".next/standalone/server.js")) {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }

  // Connected like the app's pool (lib/db.ts), JIT off, so the raw rows compare like with like.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: "-c jit=off" });
  const size = await pool.query(
    `SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "Post")::int AS posts,
            (SELECT count(*) FROM "Follow")::int AS follows, (SELECT count(*) FROM "Like")::int AS likes`,
  );
  const viewer = await pool.query(`SELECT id FROM "User" WHERE username = $1`, [USER]);
  if (!viewer.rowCount) throw new Error(`No user ${USER}: run \`npm run seed\` first.`);
  const viewerId: string = viewer.rows[0].id;
  const graph = await describeSeedGraph(pool);
  // The author for the posting rows: the most followed account, and one of its followers
  // (BENCH_USER when it is one) whose feed should receive the posts.
  const star = (
    await pool.query(
      `SELECT id, username, "followersCount" AS followers FROM "User"
       WHERE id LIKE 'seed\\_u%' ORDER BY "followersCount" DESC LIMIT 1`,
    )
  ).rows[0];
  const follower: string = (
    await pool.query(
      `SELECT u.username FROM "Follow" f JOIN "User" u ON u.id = f."followerId"
       WHERE f."followingId" = $1 ORDER BY u.username = $2 DESC, u.username LIMIT 1`,
      [star.id, USER],
    )
  ).rows[0].username;
  // Fan-outs an earlier run left undelivered (its POST row writes hundreds of posts by an
  // account with thousands of followers) would otherwise be worked off ahead of this run's
  // delivery checks: marked done, and counted.
  const skipped = await pool.query(
    `UPDATE "OutboxEvent" SET "sentAt" = now() AT TIME ZONE 'UTC', "lastError" = 'skipped by npm run bench'
     WHERE "sentAt" IS NULL`,
  );
  if (skipped.rowCount) console.error(`skipped ${skipped.rowCount} undelivered earlier events`);

  const env = {
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_DISABLED: "true",
    EXPOSE_QUERY_COUNT: "true",
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
  };
  // The web process alone, as deployed with a separate worker (README, "How it scales").
  const server = await startServerProcess({
    port: PORT,
    log: "bench-server.log",
    env: { ...env, EVENTS_DISPATCHER: "off" },
  });
  let worker: Awaited<ReturnType<typeof startServerProcess>> | null = null;

  try {
    // Start from a settled database, once the server has applied any pending migration: the rows
    // earlier runs wrote are vacuumed now rather than by an autovacuum that could start in the
    // middle of a measurement.
    await pool.query("VACUUM ANALYZE");
    const token = await signIn(USER);
    const auth = { authorization: `Bearer ${token}` };
    const starProfile = await http(`/api/users/${star.username}`, { headers: auth });
    const explore = await http("/api/posts/explore/all?limit=1", { headers: auth });
    const postId: string = explore.body.items[0].id;

    // Page 500 of the feed (20 a page): follow the cursors there once.
    let cursor: string | null = null;
    let pages = 1;
    for (; pages < 500; pages++) {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await http(`/api/posts/feed/me?limit=20${query}`, { headers: auth });
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    const deepQuery = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";

    const rows: Row[] = [];
    for (const c of [
      { name: "GET /api/health/live (empty route)", path: "/api/health/live" },
      { name: "GET /api/posts/feed/me", path: "/api/posts/feed/me?limit=20", token },
      {
        name: `GET /api/posts/feed/me, page ${pages}`,
        path: `/api/posts/feed/me?limit=20${deepQuery}`,
        token,
      },
      { name: "GET /api/posts/explore/all", path: "/api/posts/explore/all?limit=20", token },
      {
        name: "GET /api/posts/search/{query} (latest, the default)",
        path: "/api/posts/search/garden?limit=20",
        token,
      },
      {
        name: "GET /api/posts/search/{query}?sort=top",
        path: "/api/posts/search/garden?limit=20&sort=top",
        token,
      },
      {
        name: "GET /api/users/search/{query}",
        path: "/api/users/search/seed_1?limit=20",
        token,
      },
      { name: "GET /api/users/{id}", path: `/api/users/${starProfile.body.id}`, token },
      { name: "GET / (home page HTML)", path: "/" },
    ] satisfies Case[]) {
      rows.push(await load(c));
    }
    rows.push(
      await load({
        name: "POST /api/posts/{id}/like",
        path: `/api/posts/${postId}/like`,
        method: "POST",
        token,
      }),
    );
    rows.push(await rawFeed(pool, viewerId));
    const explainPage1 = await explainFeed(pool, viewerId, null);
    const explainDeep = await explainFeed(pool, viewerId, cursorPosition(cursor));

    // Posting as the star: with the events worker in its own process (the dispatcher on), as
    // deployed. Last, since the worker's fan-out of these posts would weigh on any row after.
    worker = await startServerProcess({
      port: PORT + 1,
      log: "bench-worker.log",
      env: { ...env, EVENTS_DISPATCHER: "on" },
    });
    const starToken = await signIn(star.username);
    const delivery = await measureDelivery({
      base: BASE,
      authorToken: starToken,
      followerToken: await signIn(follower),
      posts: DELIVERY_POSTS,
    });
    console.error("done: delivery");
    rows.push(
      await load({
        name: `POST /api/posts (as ${star.username}, ${star.followers} followers)`,
        path: "/api/posts",
        method: "POST",
        body: { text: "Benchmark post #bench" },
        token: starToken,
      }),
    );

    const row = (prefix: string) => rows.find((r) => r.name.startsWith(prefix))!;
    const [empty, feed, deep] = rows;
    const raw = row("feed, raw pg");
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      data: size.rows[0],
      graph,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      peakResidentMb: server.peakRss(),
      workerPeakResidentMb: worker.peakRss(),
      ratios: {
        feedNextVsRawP50: Math.round((feed!.p50 / raw.p50) * 10) / 10,
        feedPage500VsPage1P95: Math.round((deep!.p95 / feed!.p95) * 100) / 100,
        feedVsEmptyRouteRps: Math.round((feed!.rps / empty!.rps) * 100) / 100,
      },
      feedSql: { page1: explainPage1, deep: explainDeep, deepPage: pages },
      delivery: { ...delivery, author: star.username, followers: star.followers, follower },
      rows,
    };
    writeFileSync("bench-results.json", JSON.stringify(results, null, 2) + "\n");
    console.log(benchTable(results));
  } finally {
    worker?.stop();
    server.stop();
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
