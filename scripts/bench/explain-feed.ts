// The feed's PostgreSQL time per request: its two statements (the ids, then the page), built by
// the same functions lib/posts/list-feed.ts calls, run under EXPLAIN (ANALYZE, FORMAT JSON), and
// the planning and execution times PostgreSQL reports added up. What the database spends on a
// feed request, apart from the network, the pool, Prisma and Next.js.
import type pg from "pg";
// @ts-expect-error: pg ships no types for its utils; prepareValue turns a value into its text form.
import { prepareValue } from "pg/lib/utils.js";
import { ZPositionSchema, type TPosition } from "../../lib/api/keyset";
import { feedIdsSql } from "../../lib/posts/feed-ids-sql";
import { postsPageSql } from "../../lib/posts/posts-page-sql";

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

/** One page of 20, as the bench requests it: page 1, or the page after `after`. */
export async function explainFeed(
  pool: pg.Pool,
  viewerId: string,
  after: TPosition | null,
  runs = 15,
): Promise<FeedExplain> {
  const idsSql = feedIdsSql(viewerId, after, 21);
  const ids = await pool.query<{ id: string }>(idsSql.text, idsSql.values);
  const pageSql = postsPageSql(
    ids.rows.slice(0, 20).map((r) => r.id),
    viewerId,
  );
  const client = await pool.connect();
  const measured: { planning: number; execution: number }[] = [];
  try {
    const runIds = await prepare(client, "bench_explain_ids", idsSql);
    const runPage = await prepare(client, "bench_explain_page", pageSql);
    // Past PostgreSQL's five custom plans, so the plan the server settles on is measured.
    for (let i = 0; i < 6; i++) await client.query(`${runIds}; ${runPage}`);
    for (let i = 0; i < runs; i++) {
      const a = await explain(client, runIds);
      const b = await explain(client, runPage);
      measured.push({ planning: a.planning + b.planning, execution: a.execution + b.execution });
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
export function cursorPosition(cursor: string | null): TPosition | null {
  if (!cursor) return null;
  const payload = JSON.parse(Buffer.from(cursor.split(".")[0]!, "base64url").toString("utf8"));
  return ZPositionSchema.parse(payload.p);
}
