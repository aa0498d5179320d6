// The benchmark: `npm run seed` first, then `npm run bench`. Starts the production build (the
// standalone server the Dockerfile runs, built first if missing) against DATABASE_URL (PostgreSQL, local), signs in as a seeded user, drives
// each hot endpoint with autocannon at fixed concurrency for a fixed time, and writes
// bench-results.json and a markdown table. Besides the endpoints: the feed's SQL run with raw
// `pg` (what Prisma and Next.js add on top), and page 500 of the feed against page 1.
//   BENCH_DURATION (s per endpoint, default 10), BENCH_CONNECTIONS (default 20),
//   BENCH_USER (default seed_5, an ordinary account that follows some popular ones).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { feedIdsSql } from "../lib/posts/feed-ids-sql";
import { postsPageSql } from "../lib/posts/posts-page-sql";
import { assertLocalDatabase } from "../dev/assert-local-database";
import { SEED_PASSWORD } from "./seed-password";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const USER = process.env.BENCH_USER ?? "seed_5";
// Keep in step with NODE_OPTIONS in the Dockerfile.
const SERVER_NODE_OPTIONS = ["--max-old-space-size=256"];
const PORT = 3100 + Math.floor(Math.random() * 800);
const BASE = `http://127.0.0.1:${PORT}`;

type Row = {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  queries: number | null;
};

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

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app did not become healthy in 120 s (see bench-server.log).");
}

/** Resident memory of the server and its children, in MB (Linux /proc). */
function residentMb(pid: number): number {
  const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)]).stdout.toString();
  const pids = [pid, ...children.split(/\s+/).filter(Boolean).map(Number)];
  let kb = 0;
  for (const p of pids) {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
    kb += Number(match?.[1] ?? 0);
  }
  return Math.round(kb / 1024);
}

type Case = { name: string; path: string; method?: string; body?: unknown; auth?: boolean };

async function load(c: Case, token: string): Promise<Row> {
  const headers: Record<string, string> = {};
  if (c.auth !== false) headers.authorization = `Bearer ${token}`;
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
  return summarise(
    c.name,
    latencies,
    failures + result.errors + result.timeouts,
    DURATION,
    probe.queries,
  );
}

/** The feed's first page done with raw `pg`: the very statements lib/posts/list-feed.ts runs
 * (the ids, then the page), without Next.js, Prisma, the session lookup or JSON shaping. */
async function rawFeed(pool: pg.Pool, viewerId: string): Promise<Row> {
  const latencies: number[] = [];
  const until = Date.now() + DURATION * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const idsSql = feedIdsSql(viewerId, null, 21);
      const ids = await pool.query<{ id: string }>(idsSql.text, idsSql.values);
      const pageSql = postsPageSql(
        ids.rows.slice(0, 20).map((r) => r.id),
        viewerId,
      );
      await pool.query(pageSql.text, pageSql.values);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return summarise("feed, raw pg (same 2 statements)", latencies, 0, DURATION, 2);
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

  const log = createWriteStream("bench-server.log");
  const server = spawn(
    process.execPath,
    // What the Dockerfile runs: the standalone server, with the same heap cap.
    [...SERVER_NODE_OPTIONS, "server.js"],
    {
      cwd: ".next/standalone",
      env: {
        ...process.env,
        PORT: String(PORT),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        RATE_LIMIT_DISABLED: "true",
        EXPOSE_QUERY_COUNT: "true",
        AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
        NEXTAUTH_URL: BASE,
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        // Measures the web process alone, as deployed with a separate worker (README, "How it
        // scales"): otherwise the notifications fanned out for the posts an earlier run wrote
        // would be delivered in this process while the reads are measured.
        EVENTS_DISPATCHER: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, residentMb(server.pid!))), 500);

  try {
    await waitForHealth();
    // Start from a settled database, once the server has applied any pending migration: the rows
    // earlier runs wrote are vacuumed now rather than by an autovacuum that could start in the
    // middle of a measurement.
    await pool.query("VACUUM ANALYZE");
    const session = await http("/api/auth/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `${USER}@example.com`, password: SEED_PASSWORD }),
    });
    if (session.status >= 300) throw new Error(`Sign-in failed: HTTP ${session.status}`);
    const token: string = session.body.token;
    const auth = { authorization: `Bearer ${token}` };
    const star = await http("/api/users/seed_1", { headers: auth });
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

    const cases: Case[] = [
      { name: "GET /api/posts/feed/me", path: "/api/posts/feed/me?limit=20" },
      {
        name: `GET /api/posts/feed/me, page ${pages}`,
        path: `/api/posts/feed/me?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      },
      { name: "GET /api/posts/explore/all", path: "/api/posts/explore/all?limit=20" },
      { name: "GET /api/posts/search/{query}", path: "/api/posts/search/garden?limit=20" },
      { name: "GET /api/users/search/{query}", path: "/api/users/search/seed_1?limit=20" },
      { name: "GET /api/users/{id}", path: `/api/users/${star.body.id}` },
      {
        name: "POST /api/posts",
        path: "/api/posts",
        method: "POST",
        body: { text: "Benchmark post #bench" },
      },
      { name: "POST /api/posts/{id}/like", path: `/api/posts/${postId}/like`, method: "POST" },
      { name: "GET / (home page HTML)", path: "/", auth: false },
    ];
    const rows: Row[] = [];
    for (const c of cases) {
      rows.push(await load(c, token));
      console.error(`done: ${c.name}`);
    }
    rows.push(await rawFeed(pool, viewerId));

    const [feed, deep] = rows;
    const raw = rows.at(-1)!;
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      data: size.rows[0],
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      peakResidentMb: peakRss,
      ratios: {
        feedNextVsRawP50: Math.round((feed!.p50 / raw.p50) * 10) / 10,
        feedPage500VsPage1P95: Math.round((deep!.p95 / feed!.p95) * 100) / 100,
      },
      rows,
    };
    writeFileSync("bench-results.json", JSON.stringify(results, null, 2) + "\n");
    console.log(table(results));
  } finally {
    clearInterval(sampler);
    server.kill("SIGTERM");
    await pool.end();
  }
}

function table(r: {
  data: Record<string, number>;
  connections: number;
  durationSeconds: number;
  peakResidentMb: number;
  ratios: Record<string, number>;
  rows: Row[];
  machine: { cpus: number };
}): string {
  const lines = [
    `${r.machine.cpus} cores; ${Object.entries(r.data)
      .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
      .join(", ")}; ` +
      `${r.connections} connections, ${r.durationSeconds} s each; peak server RSS ${r.peakResidentMb} MB.`,
    "",
    "| endpoint | p50 ms | p95 ms | p99 ms | req/s | errors | SQL/req |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.rows.map(
      (x) =>
        `| ${x.name} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.rps} | ${x.errors}/${x.requests} | ${x.queries ?? "–"} |`,
    ),
    "",
    `Feed through Next.js + Prisma vs raw pg, p50: ${r.ratios.feedNextVsRawP50}x. Deep feed page vs page 1, p95: ${r.ratios.feedPage500VsPage1P95}x.`,
  ];
  return lines.join("\n");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
