// The functions the dispatcher runs, handed to it at boot (instrumentation.ts registers
// inngest/functions), so lib/events never imports inngest/. On globalThis, like the running
// dispatcher (dispatcher-registry.ts): instrumentation and the route handlers that report on the
// functions (get-events-status.ts) are separate bundles, each with its own copy of this module.
// No `import "server-only"` for that reason.
import type { EventName } from "./event-schemas";
import type { EventFunction, GroverFunction } from "./grover-function.types";

const KEY = Symbol.for("grover.eventFunctions");
type Holder = { [KEY]?: readonly GroverFunction[] };

export function registerFunctions(functions: readonly GroverFunction[]): void {
  (globalThis as Holder)[KEY] = functions;
}

/** Every registered function. Throws before registration: an event must never pass unhandled. */
export function registeredFunctions(): readonly GroverFunction[] {
  const functions = (globalThis as Holder)[KEY];
  if (!functions) {
    throw new Error("No event functions registered: instrumentation.ts registers them at boot.");
  }
  return functions;
}

/** The functions an event triggers. */
export function functionsFor(name: EventName): EventFunction[] {
  return registeredFunctions().filter(
    (fn): fn is EventFunction => fn.kind === "event" && fn.event === name,
  );
}
