// The running dispatcher, on globalThis: it is started from instrumentation.ts, a separate
// bundle from the route handlers that publish events, and each bundle has its own copy of every
// module. No `import "server-only"` for that reason.
import { AsyncLocalStorage } from "node:async_hooks";

export type RunningDispatcher = {
  /** Look for due events soon, instead of at the next poll. */
  nudge: () => void;
  /** Stops polling and waits for the pass under way. */
  stop: () => Promise<void>;
};

const KEY = Symbol.for("grover.eventsDispatcher");
const CONTEXT = Symbol.for("grover.eventsDispatcherContext");
type Holder = {
  [KEY]?: RunningDispatcher;
  [CONTEXT]?: ReturnType<typeof AsyncLocalStorage.snapshot>;
};

export function runningDispatcher(): RunningDispatcher | undefined {
  return (globalThis as Holder)[KEY];
}

export function setRunningDispatcher(dispatcher: RunningDispatcher | undefined): void {
  (globalThis as Holder)[KEY] = dispatcher;
  // The async context of the dispatcher's start (outside any request): nudged passes run in it,
  // so a request's SQL query count (lib/database/query-count.ts) never includes the dispatcher's work.
  (globalThis as Holder)[CONTEXT] = AsyncLocalStorage.snapshot();
}

// Published events become visible when their transaction commits, a few milliseconds after
// publishEvent returns: nudging right away would usually find nothing.
const NUDGE_DELAY_MS = 50;

export function nudgeDispatcher(): void {
  const dispatcher = runningDispatcher();
  if (!dispatcher) return;
  const context = (globalThis as Holder)[CONTEXT] ?? ((fn: () => void) => fn());
  setTimeout(() => context(() => dispatcher.nudge()), NUDGE_DELAY_MS).unref();
}
