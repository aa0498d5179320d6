import { cron } from "inngest";
import { EVENT_SCHEMAS, type EventData, type EventName } from "@/lib/events/event-schemas";
import { countRun } from "@/lib/events/event-stats";
import type {
  EventFunction,
  ReceivedEvent,
  ScheduledFunction,
  StepTools,
} from "@/lib/events/grover-function.types";
import { inngest } from "@/lib/events/inngest-client";
import { eventTypes } from "./event-types";
import { guarded, invalidEventData } from "./without-stack";

// A Grover function is written once, as a plain handler over `{ event, step }`, and runs two
// ways: served to Inngest (app/api/inngest) when Inngest is configured, or called by the outbox
// dispatcher in-process (lib/events/run-in-process.ts) when it is not. Both give it the same
// step tool, with the same promise: a finished step's output is remembered and a retry resumes
// after it.

// Inngest types a step's output as its JSON form (Jsonify<T>); every step here returns plain
// JSON values, whose JSON form is the value itself, so the cast loses nothing. A step's error is
// guarded (./without-stack.ts) before the SDK serializes it into its answer to Inngest.
function inngestSteps(
  functionId: string,
  step: { run: (id: string, fn: () => Promise<unknown>) => Promise<unknown> },
) {
  return {
    run: <T>(id: string, fn: () => Promise<T>) =>
      step.run(id, () => guarded(functionId, fn)) as Promise<T>,
  };
}

export function defineEventFunction<N extends EventName>(
  id: string,
  event: N,
  handler: (ctx: { event: ReceivedEvent<N>; step: StepTools }) => Promise<unknown>,
): EventFunction {
  const inngestFunction = inngest.createFunction(
    { id, triggers: [eventTypes[event]] },
    async ({ event: received, step }) =>
      countRun(id, () =>
        guarded(id, async () => {
          // The SDK doesn't check a received event against the trigger's schema, and anyone
          // holding the signing key (or Inngest replaying an old event) can send any data: check
          // it before the handler sees it, and fail for good (a retry gets the same data).
          const parsed = EVENT_SCHEMAS[event].safeParse(received.data);
          if (!parsed.success) {
            const issues = parsed.error.issues.map(
              (i) => `${i.path.join(".") || "data"}: ${i.message}`,
            );
            throw invalidEventData(event, issues.join("; "));
          }
          return handler({
            // The outbox row's id, which the dispatcher sends as the event id.
            event: { id: received.id ?? "", name: event, data: parsed.data as EventData<N> },
            step: inngestSteps(id, step),
          });
        }),
      ),
  );
  return {
    kind: "event",
    id,
    event,
    inngestFunction,
    run: (received, step) =>
      countRun(id, () => {
        const data = EVENT_SCHEMAS[event].parse(received.data) as EventData<N>;
        return handler({ event: { id: received.id, name: event, data }, step });
      }),
  };
}

export function defineScheduledFunction(
  id: string,
  schedule: { cron: string; everyMs: number },
  handler: (ctx: { step: StepTools }) => Promise<unknown>,
): ScheduledFunction {
  const inngestFunction = inngest.createFunction(
    { id, triggers: [cron(schedule.cron)] },
    async ({ step }) =>
      countRun(id, () => guarded(id, () => handler({ step: inngestSteps(id, step) }))),
  );
  return {
    kind: "scheduled",
    id,
    ...schedule,
    inngestFunction,
    run: (step) => countRun(id, () => handler({ step })),
  };
}
