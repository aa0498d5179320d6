// The feed's PostgreSQL time per request: its two statements (the ids, then the page), built by
// the same functions lib/posts/list-feed.ts calls, run under EXPLAIN (ANALYZE, FORMAT JSON), and
// the planning and execution times PostgreSQL reports added up. What the database spends on a
// feed request, apart from the network, the pool, Prisma and Next.js.
import type pg from "pg";
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

async function explain(pool: pg.Pool, statement: { text: string; values: unknown[] }) {
  const result = await pool.query<{ "QUERY PLAN": Plan }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
    statement.values,
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
  const measured: { planning: number; execution: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const a = await explain(pool, idsSql);
    const b = await explain(pool, pageSql);
    measured.push({ planning: a.planning + b.planning, execution: a.execution + b.execution });
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
