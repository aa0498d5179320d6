import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePglite, type PgliteServer } from "@/lib/database/serve-pglite";

// Several connections (processes) share the one PGlite backend. pglite-socket 0.2.17's own
// server got this wrong: with a 10-connection pool and transactions in flight, 19 of 180
// parameterised queries returned another query's rows and 134 failed (`portal "" does not
// exist`), because it interleaves Parse/Bind/Execute messages from different connections. This
// is the same load against servePglite, which hands the backend over only between exchanges.

let db: PGlite;
let server: PgliteServer;
let pool: pg.Pool;

beforeAll(async () => {
  db = await PGlite.create();
  server = await servePglite(db);
  pool = new pg.Pool({
    connectionString: `postgresql://postgres@127.0.0.1:${server.port}/postgres`,
    max: 10,
  });
  await pool.query("CREATE TABLE t (id int PRIMARY KEY, v text)");
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await server?.close();
  await db?.close();
});

describe("servePglite with many connections", { timeout: 60_000 }, () => {
  it("answers every parameterised query with its own rows while transactions run", async () => {
    const outcomes: Array<Promise<string>> = [];
    for (let round = 0; round < 20; round++) {
      outcomes.push(
        (async () => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("INSERT INTO t VALUES ($1, 'x')", [round]);
            await new Promise((resolve) => setTimeout(resolve, 10)); // others queue up meanwhile
            await client.query("COMMIT");
            return "ok";
          } finally {
            client.release();
          }
        })(),
      );
      for (let j = 0; j < 9; j++) {
        const i = round * 100 + j;
        // A different statement each time, so a Bind landing on another Parse shows.
        const sql =
          i % 2
            ? `SELECT $1::int AS a, $2::text AS b, ${i} AS k`
            : `SELECT $2::text AS b, $1::int AS a, ${i} AS k, 'pad' AS p`;
        outcomes.push(
          pool.query(sql, [i, `x${i}`]).then(({ rows }) => {
            const row = rows[0];
            return row.a === i && row.b === `x${i}` && row.k === i
              ? "ok"
              : `wrong: ${JSON.stringify(row)}`;
          }),
        );
      }
    }
    const results = await Promise.all(
      outcomes.map((p) => p.catch((e: Error) => `error: ${e.message}`)),
    );
    expect(results.filter((r) => r !== "ok")).toEqual([]);
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM t");
    expect(rows).toEqual([{ n: 20 }]);
  });

  it("rolls back the transaction of a client that disconnects, and carries on", async () => {
    const quitter = new pg.Client({
      connectionString: `postgresql://postgres@127.0.0.1:${server.port}/postgres`,
    });
    quitter.on("error", () => {});
    await quitter.connect();
    await quitter.query("BEGIN");
    await quitter.query("INSERT INTO t VALUES (999, 'abandoned')");
    // Queued behind the open transaction; must run once the quitter is gone.
    const waiting = pool.query("SELECT count(*)::int AS n FROM t WHERE id = 999");
    (
      quitter as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();
    expect((await waiting).rows).toEqual([{ n: 0 }]);
  });
});
