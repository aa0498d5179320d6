import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { db, type Tx } from "@/lib/db";
import { announceLiveEvents } from "./announce-live-events";

type Scope = { ids: string[] };

const scopes = new AsyncLocalStorage<Scope>();

/**
 * `db.$transaction` for writes that record live events (record-live-events.ts): once the
 * transaction has committed, and only then, the ids it wrote are announced (Redis publish, or a
 * nudge to this process's own hub; NOTIFY needs nothing, PostgreSQL sends it on commit).
 */
export async function liveTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const scope: Scope = { ids: [] };
  const result = await scopes.run(scope, () => db.$transaction(fn));
  if (scope.ids.length) await announceLiveEvents(scope.ids);
  return result;
}

/** The ids written in the current liveTransaction, to announce after it commits. */
export function currentLiveScope(): Scope {
  const scope = scopes.getStore();
  // A live event written outside liveTransaction would never be announced with Redis: fail in
  // the tests rather than lose events in production.
  if (!scope) throw new Error("recordLiveEvents must run inside liveTransaction()");
  return scope;
}
