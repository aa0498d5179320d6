// No `import "server-only"`: instrumentation.ts uses this too. It imports nothing from Prisma, so
// it also recognises errors thrown by other copies of the client and by plain `pg`.

// What Prisma 7 + @prisma/adapter-pg actually throw (tried against a closed port, an unknown
// host, a pool held by a transaction, and a server stopped under an idle pool):
// - model queries: PrismaClientKnownRequestError P1001, with
//   meta.driverAdapterError.cause.kind "DatabaseNotReachable" (or "ConnectionClosed", ...);
// - $queryRaw: P2010 "Raw query failed" with the same meta.driverAdapterError;
// - pool exhausted: pg-pool's plain Error "timeout exceeded when trying to connect";
// - connection timeout / server gone mid-query: plain Error "Connection terminated ...".
const PRISMA_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // database server reached but timed out
  "P1008", // operations timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
]);
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);
// PostgreSQL SQLSTATEs: class 08 (connection exception), shutting down / starting up, too many
// connections.
const SQLSTATE = /^(08...|57P01|57P02|57P03|53300)$/;
const PG_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
];

/** How long a client should wait before trying again while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

type ErrorLike = {
  code?: unknown;
  kind?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/**
 * True when `error` means the database cannot be reached right now (the API answers 503 and the
 * client may retry), as opposed to a bad query or a constraint violation.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  return check(error, 0);
}

function check(error: unknown, depth: number): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === "string" ? e.code : "";
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)) return true;
  // A DriverAdapterError's cause, or the `cause` object inside meta.driverAdapterError.
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  const message = typeof e.message === "string" ? e.message : "";
  if (PG_MESSAGES.some((re) => re.test(message))) return true;

  const nested = [
    e.cause,
    e.meta?.driverAdapterError,
    ...(Array.isArray(e.errors) ? e.errors : []),
  ];
  return nested.some((inner) => check(inner, depth + 1));
}
