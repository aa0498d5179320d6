import "server-only";
// Which query style to use (one rule for the whole app):
// - Prisma's builder by default: every write, and every read it can say in a statement or two.
//   Each relation it loads costs one more statement per page (no relationJoins), never one per
//   row; rows are hidden through relation filters (lib/safety/visibility.ts), which cost none.
// - queryRows (below) for reads written in SQL: what the builder can't say in one statement
//   (row comparisons, correlated subqueries, aggregates into JSON, CTEs, full-text search) and
//   the hot paths (session lookup, feed, posts page), where it costs half the CPU of $queryRaw.
//   Column lists come from the Prisma selects (lib/database/select-json-sql.ts). Reads only, outside
//   transactions: it takes its own pool connection.
// - $queryRaw / $executeRaw only where SQL must run on Prisma's connection: inside a
//   `$transaction` (row and advisory locks, FOR UPDATE / FOR KEY SHARE), for writes the builder
//   can't express (UPDATE … FROM, DELETE … RETURNING, SKIP LOCKED), and the health checks of
//   the Prisma client itself.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { recordQuery } from "@/lib/database/query-count";
import { log } from "@/lib/log";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export { Prisma };

// Real PostgreSQL: a modest pool per replica (replicas × this must stay under the server's
// max_connections). Embedded PGlite is one backend that runs one query at a time, so more
// connections only move the queue; one connection also keeps the app's own transactions from
// waiting on each other inside the socket server (see lib/database/pglite-protocol-queue.ts).
const POOL_MAX = 10;
const EMBEDDED_POOL_MAX = 1;

function createPool(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set yet: ensureDatabase() (run by instrumentation.ts) must finish before the first query.",
    );
  }
  const embedded = Boolean(process.env.GROVER_EMBEDDED_DATABASE);
  const pool = new pg.Pool({
    connectionString,
    max: embedded ? EMBEDDED_POOL_MAX : POOL_MAX,
    // Fail (and answer 503) instead of queueing forever when the pool is exhausted or the
    // server does not answer.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // No JIT: the feed's statement is estimated expensive enough (correlated subqueries over
  // every followed account) for PostgreSQL to compile it, 40 ms of LLVM for a query that runs in
  // 5. JIT pays off for long analytical queries, never for these. A SET on each new connection
  // (queued before anything else it runs) rather than a startup option, which poolers such as
  // PgBouncer refuse. PGlite has no JIT.
  if (!embedded) {
    pool.on("connect", (client) => {
      client.query("SET jit = off").catch((error: unknown) => {
        log.warn("could not turn JIT off", { error: String(error) });
      });
    });
  }
  // A connection that dies while idle in the pool (a database restart) is dropped by the pool;
  // without a listener the error event would end the process.
  pool.on("error", (error) =>
    log.warn("idle database connection closed", { error: error.message }),
  );
  return pool;
}

function createClient(pool: pg.Pool) {
  const adapter = new PrismaPg(pool, {
    // The adapter calls this once per SQL statement it sends, transactions included, which makes
    // it the one hook that sees every query. Returning undefined keeps statements unnamed, as
    // without the option; the call is only used to count (lib/database/query-count.ts).
    statementNameGenerator: (() => {
      recordQuery();
      return undefined;
    }) as unknown as (query: unknown) => string,
  });
  return new PrismaClient({
    adapter,
    // A password hash never leaves the database by accident, whatever a query forgets to
    // select. Code that verifies a password asks for it: `omit: { passwordHash: false }`.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One pool and client per process, on globalThis so that Next's dev server, which re-evaluates
// modules on every change, does not open a new pool each time.
const KEY = Symbol.for("grover.prisma");
type Store = { [KEY]?: { pool: pg.Pool; db: Db } };

function connection(): { pool: pg.Pool; db: Db } {
  const store = globalThis as Store;
  if (!store[KEY]) {
    const pool = createPool();
    store[KEY] = { pool, db: createClient(pool) };
  }
  return store[KEY];
}

function client(): Db {
  return connection().db;
}

/**
 * The Prisma client. Created on first use rather than on import, because DATABASE_URL is only
 * known once ensureDatabase() has picked (or started) the database.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
  has: (_target, property) => Reflect.has(client(), property),
});

// `timestamp` columns hold UTC (Prisma writes them so); pg would read them as local time.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * The name a statement is prepared under, or none (unnamed) on the embedded database. PGlite is
 * one backend behind every socket (lib/database/serve-pglite.ts), so a statement one connection
 * prepares exists for all of them: the next connection (a second process, or the pool's one
 * connection once it is replaced after being idle) sends its own Parse under the same name and
 * gets "prepared statement already exists" (tests/db/prepared-statements.test.ts). There is also
 * nothing to win: PGlite plans in the same process, one query at a time.
 */
function preparedName(name: string | undefined): string | undefined {
  return process.env.GROVER_EMBEDDED_DATABASE ? undefined : name;
}

/**
 * A LIMIT written into a prepared statement's text rather than sent as a parameter. PostgreSQL
 * plans `LIMIT $1` generically as if a tenth of the rows were wanted, so that generic plan always
 * looks worse than the custom ones and the statement is planned again on every call; with the
 * number in the text the generic plan is adopted after a few calls. The statement's name must
 * then carry the number too, and the caller bounds it (a validated page size).
 */
export function limitSql(count: number): Prisma.Sql {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`Not a LIMIT: ${count}`);
  return Prisma.raw(String(count));
}

/**
 * One statement straight through the pool Prisma uses, for the hot reads written in SQL anyway
 * (the session lookup, the feed, a page of posts): Prisma's `$queryRaw` spends about twice the
 * CPU time of pg on the same statement (README, "Performance"). Counted like Prisma's queries.
 * Rows come back as pg parses them: json as objects, arrays as arrays, timestamps as Dates.
 *
 * `name` makes it a prepared statement: each connection parses and plans it once and then only
 * binds and executes, where an unnamed statement is planned on every call (a third of the feed's
 * database time). A name must always come with the same text, so only statements whose text
 * never varies get one: lists go in as one array parameter (`= ANY($1)`), never one placeholder
 * per item. pg refuses a known name with a different text, so a slip fails loudly in tests.
 */
export async function queryRows<Row>(
  statement: Prisma.Sql,
  options: { name?: string } = {},
): Promise<Row[]> {
  recordQuery();
  const result = await connection().pool.query({
    name: preparedName(options.name),
    text: statement.text,
    values: statement.values,
    types,
  });
  return result.rows as Row[];
}
