// What `npm run bench` prints: the measured rows as a markdown table, and beneath it the seed's
// follow graph, the ratios the targets are stated in, the feed's PostgreSQL time and the delivery.
import type { SeedGraph } from "../seed-database";
import type { Delivery } from "./measure-delivery";
import type { FeedExplain } from "./explain-feed";

export type Row = {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  queries: number | null;
};

export type BenchResults = {
  date: string;
  machine: { cpus: number; cpuModel?: string; memoryGb: number; node: string };
  data: Record<string, number>;
  graph: SeedGraph;
  connections: number;
  durationSeconds: number;
  peakResidentMb: number;
  workerPeakResidentMb: number;
  ratios: { feedNextVsRawP50: number; feedPage500VsPage1P95: number; feedVsEmptyRouteRps: number };
  feedSql: { page1: FeedExplain; deep: FeedExplain; deepPage: number };
  delivery: Delivery & { author: string; followers: number; follower: string };
  rows: Row[];
};

export function benchTable(r: BenchResults): string {
  const { followers: fr, following: fg } = r.graph;
  const sql = (e: FeedExplain) =>
    `${e.totalMs} ms (planning ${e.planningMs} + execution ${e.executionMs})`;
  const d = r.delivery;
  return [
    `${r.machine.cpus} cores; ${Object.entries(r.data)
      .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
      .join(", ")}; ` +
      `${r.connections} connections, ${r.durationSeconds} s each; peak RSS: server ` +
      `${r.peakResidentMb} MB, events worker ${r.workerPeakResidentMb} MB.`,
    `Follow graph: followers per user p50 ${fr.p50}, p99 ${fr.p99}, max ${fr.max} ` +
      `(${fr.maxUser}); following p50 ${fg.p50}, p99 ${fg.p99}, max ${fg.max}, min ${fg.min}.`,
    "",
    "| endpoint | p50 ms | p95 ms | p99 ms | req/s | errors | SQL/req |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.rows.map(
      (x) =>
        `| ${x.name} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.rps} | ${x.errors}/${x.requests} | ${x.queries ?? "–"} |`,
    ),
    "",
    `Feed throughput against the empty route's, same run: ` +
      `${Math.round(r.ratios.feedVsEmptyRouteRps * 100)}% (target at least 40%).`,
    `Feed through Next.js + Prisma vs raw pg, p50: ${r.ratios.feedNextVsRawP50}x. ` +
      `Deep feed page vs page 1, p95: ${r.ratios.feedPage500VsPage1P95}x (target 1.5x).`,
    `Feed's PostgreSQL time per request (EXPLAIN ANALYZE of its statements, median run of ` +
      `${r.feedSql.page1.runs}): page 1 ${sql(r.feedSql.page1)}; page ${r.feedSql.deepPage} ` +
      `${sql(r.feedSql.deep)}.`,
    `Delivery of a post by ${d.author} (${d.followers} followers) to ${d.follower}'s feed, ` +
      `events worker in its own process, ${d.posts} posts one at a time: p50 ${d.p50} s, ` +
      `p95 ${d.p95} s, max ${d.max} s${d.missed ? `, ${d.missed} not there after 30 s` : ""} ` +
      `(target p95 5 s). Each POST, one at a time: p50 ${d.postP50} ms, p95 ${d.postP95} ms ` +
      `(target p95 100 ms; the POST row above sends ${r.connections} at once as the same author, ` +
      `so they queue on the author's row).`,
  ].join("\n");
}
