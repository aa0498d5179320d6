// Live streams under load (not a test): `npm run build` first, then
// `npx tsx tests/perf/streaming-load.ts`. Starts the production build on a fresh database
// (DATABASE_URL's local server when set, the embedded one otherwise), opens STREAMS idle home
// streams on that one process (USERS readers, each holding STREAMS / USERS of them, all following
// one author), and reports:
// - the server's extra resident memory with the streams open (target: under 150 MB);
// - how long each of POSTS new posts takes to reach every stream, from the moment the POST is
//   answered (target: p95 under 1 s).
//   STREAMS (default 1000), USERS (default 200), POSTS (default 5).
import { readdirSync, readFileSync } from "node:fs";
import { createApiClient, type SignedInUser } from "../support/api-client";
import { openSse, type SseConnection } from "../support/sse-client";
import { startTestServer } from "../support/start-test-server";

const STREAMS = Number(process.env.STREAMS ?? 1000);
const USERS = Number(process.env.USERS ?? 200);
const POSTS = Number(process.env.POSTS ?? 5);
const PER_USER = Math.ceil(STREAMS / USERS);

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
function rssMb(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const server = await startTestServer({
    name: "streaming-load",
    env: { RATE_LIMIT_DISABLED: "true", STREAMING_MAX_PER_USER: String(PER_USER) },
  });
  const streams: SseConnection[] = [];
  try {
    const client = createApiClient(server.baseURL);
    const author = await client.registerAndSignIn();
    const readers: SignedInUser[] = [];
    for (let i = 0; i < USERS; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, USERS - i) }, () => client.registerAndSignIn()),
      );
      await Promise.all(
        batch.map((r) =>
          client.api(`/api/users/${author.user.id}/follow`, { method: "POST", token: r.token }),
        ),
      );
      readers.push(...batch);
    }
    // Warm the server up (routes compiled into memory, pools open) before the baseline.
    const warm = await openSse(`${server.baseURL}/api/streaming?stream=home`, {
      token: author.token,
    });
    await client.api("/api/posts", { method: "POST", token: author.token, body: { text: "warm" } });
    await sleep(2_000);
    warm.close();
    await sleep(2_000);
    const before = rssMb(server.pid);

    for (let i = 0; i < STREAMS; i += 50) {
      const batch = Array.from({ length: Math.min(50, STREAMS - i) }, (_, j) =>
        openSse(`${server.baseURL}/api/streaming?stream=home`, {
          token: readers[(i + j) % readers.length]!.token,
        }),
      );
      streams.push(...(await Promise.all(batch)));
    }
    const refused = streams.filter((s) => s.status !== 200).length;
    if (refused) throw new Error(`${refused} streams were refused`);
    await sleep(5_000);
    const after = rssMb(server.pid);

    const latencies: number[] = [];
    for (let round = 0; round < POSTS; round++) {
      const res = await client.api("/api/posts", {
        method: "POST",
        token: author.token,
        body: { text: `load ${round}` },
      });
      const answered = performance.now();
      const id = (res.body as { id: string }).id;
      await Promise.all(
        streams.map(async (s) => {
          await s.next((e) => e.event === "post" && JSON.parse(e.data).id === id, {
            timeoutMs: 30_000,
          });
          latencies.push(performance.now() - answered);
        }),
      );
    }
    latencies.sort((a, b) => a - b);
    const report = {
      streams: STREAMS,
      users: USERS,
      rssBeforeMb: Math.round(before),
      rssWithStreamsMb: Math.round(after),
      extraMb: Math.round(after - before),
      deliveries: latencies.length,
      p50Ms: Math.round(percentile(latencies, 50)),
      p95Ms: Math.round(percentile(latencies, 95)),
      maxMs: Math.round(latencies.at(-1)!),
      database: process.env.DATABASE_URL ? "postgresql" : "embedded",
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    for (const s of streams) s.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
