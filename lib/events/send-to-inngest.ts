import "server-only";
import type { ClaimedEvent } from "./claim-due-events";
import { inngest } from "./inngest-client";

/**
 * Sends events to Inngest's event API in one request, each with its outbox id as the event id:
 * Inngest ignores an id it has seen, so an event sent again (a retry after a lost answer, or
 * after the process died between the send and marking it sent) runs its functions once.
 * Throws when Inngest refuses or cannot be reached (after the SDK's own quick retries).
 */
export async function sendToInngest(events: ClaimedEvent[]): Promise<void> {
  await inngest.send(
    events.map((event) => ({
      id: event.id,
      name: event.name,
      data: event.payload as Record<string, unknown>,
      ts: event.createdAt.getTime(),
    })),
  );
}
