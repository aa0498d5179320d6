import "server-only";
import type { Tx } from "@/lib/db";
import type { EventData } from "@/lib/events/event-schemas";
import { publishEvent } from "@/lib/events/publish-event";

export type TEmailRequest = EventData<"email.requested">;

/**
 * Asks for a mail, inside the transaction of what causes it: the outbox row commits (or rolls
 * back) with the cause, and the email.requested function (inngest/functions/email-requested.ts)
 * sends it, retrying while the server answers 4xx. `dedupeKey` names the cause (for instance
 * "password-reset:<id>"): however often its step runs, one mail goes out per key. `data` is
 * what the template needs; it is stored in the outbox, so it holds no secret.
 */
export async function requestEmail(tx: Tx, request: TEmailRequest): Promise<void> {
  await publishEvent(tx, "email.requested", request);
}
