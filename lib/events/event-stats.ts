// Counters for GET /api/events/status: each function's runs and failures, and the dispatcher's
// passes. Per process (a replica counts what it ran itself) and since it started; the
// observability issue turns them into Prometheus metrics.
//
// No `import "server-only"`: the dispatcher is started from instrumentation.ts. The counters live
// on globalThis because instrumentation and the route handlers are separate bundles, each with
// its own copy of this module.

export type FunctionStats = { runs: number; failures: number; lastFailure: string | null };

export type DispatcherStats = {
  running: boolean;
  passes: number;
  lastPassAt: string | null;
  /** Events handed to Inngest, or run to completion in-process. */
  delivered: number;
  /** Delivery attempts that failed and were scheduled for a retry. */
  failedAttempts: number;
  lastFailureAt: string | null;
};

type Store = { functions: Map<string, FunctionStats>; dispatcher: DispatcherStats };

const KEY = Symbol.for("grover.eventStats");

export function eventStats(): Store {
  const holder = globalThis as { [KEY]?: Store };
  return (holder[KEY] ??= {
    functions: new Map(),
    dispatcher: {
      running: false,
      passes: 0,
      lastPassAt: null,
      delivered: 0,
      failedAttempts: 0,
      lastFailureAt: null,
    },
  });
}

function functionStats(id: string): FunctionStats {
  const { functions } = eventStats();
  let stats = functions.get(id);
  if (!stats) {
    stats = { runs: 0, failures: 0, lastFailure: null };
    functions.set(id, stats);
  }
  return stats;
}

/** Runs a function body and counts it as a run, or as a failure when it throws. */
export async function countRun<T>(functionId: string, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    functionStats(functionId).runs += 1;
    return result;
  } catch (error) {
    const stats = functionStats(functionId);
    stats.failures += 1;
    stats.lastFailure = new Date().toISOString();
    throw error;
  }
}

/** A short, single-line description of an error, safe to store and show (no stack). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, " ").slice(0, 500);
}
