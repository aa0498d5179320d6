// PostgreSQL refusing a string it cannot store: 22021 (a NUL byte, or bytes that aren't UTF-8)
// and 22P05 (a character with no equivalent in the database's encoding). Both mean the input was
// bad, not the server: the API answers 400. The route wrapper refuses NUL before any query
// (lib/api/assert-no-nul.ts); this catches whatever reaches the database another way.
const SQLSTATES = new Set(["22021", "22P05"]);

type ErrorLike = {
  code?: unknown;
  originalCode?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/**
 * True when `error` is PostgreSQL's invalid-text error, as plain pg throws it (`code`) or as
 * Prisma's pg adapter wraps it (`meta.driverAdapterError.cause.originalCode`).
 */
export function isInvalidTextError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as ErrorLike;
  if (SQLSTATES.has(String(e.code)) || SQLSTATES.has(String(e.originalCode))) return true;
  return [e.cause, e.meta?.driverAdapterError].some((inner) =>
    isInvalidTextError(inner, depth + 1),
  );
}
