import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * SQL statements sent to the database during one API request, counted so that tests can hold
 * hot endpoints to a query budget (tests/integration/query-budget.test.ts) and the benchmark can
 * report queries per request. The route wrapper opens the scope; lib/db.ts counts every statement
 * the pg adapter sends (BEGIN and COMMIT included: each is a round trip). Outside a scope
 * (background work, scripts) nothing is counted.
 */
type Scope = { queries: number };

// On globalThis: route handlers and lib/db.ts's client (created once per process) may come from
// different bundles, each with its own copy of this module; they must share one store.
const KEY = Symbol.for("grover.queryCount");
type Holder = { [KEY]?: AsyncLocalStorage<Scope> };
const storage = ((globalThis as Holder)[KEY] ??= new AsyncLocalStorage<Scope>());

export function countQueries<T>(fn: () => Promise<T>): { scope: Scope; result: Promise<T> } {
  const scope: Scope = { queries: 0 };
  return { scope, result: storage.run(scope, fn) };
}

export function recordQuery(): void {
  const scope = storage.getStore();
  if (scope) scope.queries += 1;
}
