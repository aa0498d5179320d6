import "server-only";
import { channel } from "node:diagnostics_channel";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import type { ClaimedEvent } from "./claim-due-events";
import { isEventName } from "./event-schemas";
import { functionsFor } from "./function-registry";
import type { StepTools } from "./grover-function.types";
import { recordStep } from "./settle-events";

/**
 * Delivers an event without Inngest: runs every function it triggers, here, with a step tool
 * that keeps Inngest's promise. A step that finished is recorded on the outbox row with its
 * output, and when the event is retried (after a failure, or after this process died mid-run)
 * finished steps are skipped and their recorded output returned, so the run resumes after the
 * last one. A step that ran but died before being recorded runs again; its writes are keyed
 * (notification dedupe keys), so it writes nothing twice.
 */
export async function runInProcess(event: ClaimedEvent, leaseMs: number): Promise<void> {
  if (!isEventName(event.name)) {
    // Published by a newer release during a rolling deploy: retried until a replica knows it.
    throw new Error(`No function here handles the event "${event.name}".`);
  }
  const finished: Record<string, unknown> = { ...event.steps };
  for (const fn of functionsFor(event.name)) {
    const step: StepTools = {
      run: async <T>(id: string, body: () => Promise<T>): Promise<T> => {
        const key = `${fn.id}:${id}`;
        if (Object.hasOwn(finished, key)) return finished[key] as T;
        // As with Inngest, a step's output is its JSON form, the same on the first run and on
        // a resumed one; nothing (undefined) becomes null.
        const output = JSON.parse(JSON.stringify((await body()) ?? null)) as T;
        if (stepFinished.hasSubscribers) stepFinished.publish({ eventId: event.id, step: key });
        await recordStep(event.id, key, output, leaseMs);
        finished[key] = output;
        return output;
      },
    };
    // A span per function run, so background work shows up in traces. It starts its own trace:
    // the outbox row does not carry the request's trace context.
    await tracer.startActiveSpan(
      `function ${fn.id}`,
      { attributes: { "event.name": event.name, "event.id": event.id } },
      async (span) => {
        try {
          await fn.run({ id: event.id, data: event.payload }, step);
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }
}

const tracer = trace.getTracer("grover-events");

// Published the moment a step has written and before it is recorded, the worst place to die:
// the crash test's server preloads tests/support/crash-after-step.mjs, which subscribes and kills
// the process there. With no subscriber, publishing is skipped. Channels are process-wide by
// name, so a subscriber outside the app's bundles hears it.
const stepFinished = channel("grover:events:step-finished");
