// The feed's PostgreSQL time per request: the statements lib/posts/list-feed.ts runs for a page
// (from the timeline; past it, that one and the fan-out on read), built by the same functions,
// run under EXPLAIN (ANALYZE, FORMAT JSON), and the planning and execution times PostgreSQL
// reports added up. What the database spends on a
// feed request, apart from the network, the pool, Prisma and Next.js.
import type pg from "pg";
// @ts-expect-error: pg ships no types for its utils; prepareValue turns a value into its text form.
import { prepareValue } from "pg/lib/utils.js";
import { fanOutOnReadSql, timelineIdsSql } from "../../lib/posts/feed-ids-sql";
import { feedPageSql } from "../../lib/posts/feed-page-sql";
import { ZFeedPositionSchema, type TFeedPosition } from "../../lib/posts/feed-position";

export type FeedExplain = {
  /** The run with the median total, ms. */
  planningMs: number;
  executionMs: number;
  totalMs: number;
  runs: number;
};

type Plan = [{ "Planning Time": number; "Execution Time": number }];
type Statement = { text: string; values: unknown[] };

// The server runs these as named prepared statements (lib/db.ts), so PostgreSQL plans them a few
// times per connection and then reuses a generic plan. EXPLAIN of the bare text would count a
// full planning every time; EXPLAIN EXECUTE of a prepared statement counts what the server pays.
async function prepare(client: pg.PoolClient, name: string, statement: Statement) {
  await client.query(`PREPARE ${name} AS ${statement.text}`);
  // Values as untyped literals: PREPARE inferred each parameter's type from the statement.
  const literals = statement.values.map((v) =>
    v === null || v === undefined ? "NULL" : client.escapeLiteral(String(prepareValue(v))),
  );
  return `EXECUTE ${name}(${literals.join(", ")})`;
}

async function explain(client: pg.PoolClient, execute: string) {
  const result = await client.query<{ "QUERY PLAN": Plan }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${execute}`,
  );
  const [plan] = result.rows[0]!["QUERY PLAN"];
  return { planning: plan["Planning Time"], execution: plan["Execution Time"] };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * One page of 20, as the bench requests it: page 1, or the page after `after`, whose cursor may
 * say it was fanned out on read already (then only the fan-out statement runs, list-feed.ts).
 */
export async function explainFeed(
  pool: pg.Pool,
  viewerId: string,
  after: TFeedPosition | null,
  runs = 15,
): Promise<FeedExplain> {
  const timeline = feedPageSql(timelineIdsSql(viewerId, after, 21), viewerId);
  const fanOut = feedPageSql(fanOutOnReadSql(viewerId, after, 21), viewerId);
  const served = !after?.fanOut && (await pool.query(timeline.text, timeline.values)).rowCount;
  const statements = after?.fanOut ? [fanOut] : served ? [timeline] : [timeline, fanOut];
  const client = await pool.connect();
  const measured: { planning: number; execution: number }[] = [];
  try {
    const executes: string[] = [];
    for (const [i, statement] of statements.entries()) {
      executes.push(await prepare(client, `bench_explain_${i}`, statement));
    }
    // Past PostgreSQL's five custom plans, so the plan the server settles on is measured.
    for (let i = 0; i < 6; i++) for (const execute of executes) await client.query(execute);
    for (let i = 0; i < runs; i++) {
      let planning = 0;
      let execution = 0;
      for (const execute of executes) {
        const e = await explain(client, execute);
        planning += e.planning;
        execution += e.execution;
      }
      measured.push({ planning, execution });
    }
  } finally {
    await client.query("DEALLOCATE ALL").catch(() => {});
    client.release();
  }
  const total = (m: { planning: number; execution: number }) => m.planning + m.execution;
  const mid = measured.sort((a, b) => total(a) - total(b))[Math.floor(runs / 2)]!;
  return {
    planningMs: round(mid.planning),
    executionMs: round(mid.execution),
    totalMs: round(total(mid)),
    runs,
  };
}

/** The keyset position inside a feed cursor (its signature is the server's business). */
export function cursorPosition(cursor: string | null): TFeedPosition | null {
  if (!cursor) return null;
  const payload = JSON.parse(Buffer.from(cursor.split(".")[0]!, "base64url").toString("utf8"));
  return ZFeedPositionSchema.parse(payload.p);
}
