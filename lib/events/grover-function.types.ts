import type { EventData, EventName } from "./event-schemas";
import type { inngest } from "./inngest-client";

// A Grover function (defined in inngest/define-function.ts) as the outbox dispatcher sees it: it
// runs one in-process (run-in-process.ts), and app/api/inngest serves its inngestFunction.

export type StepTools = {
  /** Runs `fn` once per run; its output (JSON: plain objects, strings, numbers, null) is kept. */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
};

export type ReceivedEvent<N extends EventName> = { id: string; name: N; data: EventData<N> };

export type EventFunction = {
  kind: "event";
  id: string;
  event: EventName;
  /** Checks `data` against the event's schema, then runs the handler. */
  run: (event: { id: string; data: unknown }, step: StepTools) => Promise<unknown>;
  inngestFunction: ReturnType<typeof inngest.createFunction>;
};

export type ScheduledFunction = {
  kind: "scheduled";
  id: string;
  cron: string;
  /** How often the in-process scheduler runs it (it has no cron parser): the cron's period. */
  everyMs: number;
  run: (step: StepTools) => Promise<unknown>;
  inngestFunction: ReturnType<typeof inngest.createFunction>;
};

export type GroverFunction = EventFunction | ScheduledFunction;
