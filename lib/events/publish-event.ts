import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { EVENT_SCHEMAS, type EventData, type EventName } from "./event-schemas";
import { nudgeDispatcher } from "./dispatcher-registry";

/** A payload that does not match its event's schema: a bug in the code that published it. */
export class EventPayloadError extends Error {
  readonly event: string;
  readonly issues: z.core.$ZodIssue[];

  constructor(event: string, issues: z.core.$ZodIssue[]) {
    const problems = issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`);
    super(`Event "${event}" was not published: its payload is invalid (${problems.join("; ")}).`);
    this.name = "EventPayloadError";
    this.event = event;
    this.issues = issues;
  }
}

/**
 * Writes an event to the outbox inside the caller's transaction, so it exists exactly when the
 * change it reports was committed. The payload is checked against the event's schema here: a
 * bad one throws (and rolls the transaction back) in the code that published it, not later in
 * a worker. The dispatcher delivers it; its id becomes the Inngest event id. Answers that id.
 */
export async function publishEvent<N extends EventName>(
  tx: Tx,
  name: N,
  data: EventData<N>,
): Promise<string> {
  const schema = EVENT_SCHEMAS[name] as z.ZodType | undefined;
  if (!schema)
    throw new Error(`Unknown event "${name}": add its schema to lib/events/event-schemas.ts.`);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new EventPayloadError(name, parsed.error.issues);

  // Explicit times (not column defaults): the dispatcher compares them with UTC.
  const now = new Date();
  const row = await tx.outboxEvent.create({
    data: { name, payload: parsed.data as object, createdAt: now, availableAt: now },
    select: { id: true },
  });
  // The row is visible once the caller commits, a moment from now; a nudge that comes too early
  // finds nothing and the next poll (EVENTS_POLL_MS) picks it up.
  nudgeDispatcher();
  return row.id;
}
