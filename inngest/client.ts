import { eventType, Inngest } from "inngest";
import { EVENT_SCHEMAS } from "./events";

export { EVENT_SCHEMAS, type EventData, type EventName } from "./events";

// How long one send to Inngest may take before it counts as failed (the SDK then retries a few
// times, and the outbox dispatcher retries with backoff after that).
const SEND_TIMEOUT_MS = 10_000;

/**
 * The one Inngest client. It reads its settings from the environment, as the SDK does:
 * INNGEST_EVENT_KEY (sending), INNGEST_SIGNING_KEY (serving app/api/inngest), INNGEST_BASE_URL
 * (a self-hosted Inngest or a local double) and INNGEST_DEV (the dev server). Whether events go
 * to Inngest at all is lib/events/events-mode.ts's decision.
 */
export const inngest = new Inngest({
  id: "grover",
  fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) }),
});

/** The events as Inngest trigger types, typed and validated by the schemas in ./events. */
export const eventTypes = {
  "user.created": eventType("user.created", { schema: EVENT_SCHEMAS["user.created"] }),
  "user.followed": eventType("user.followed", { schema: EVENT_SCHEMAS["user.followed"] }),
  "post.created": eventType("post.created", { schema: EVENT_SCHEMAS["post.created"] }),
  "post.liked": eventType("post.liked", { schema: EVENT_SCHEMAS["post.liked"] }),
  "account.export.requested": eventType("account.export.requested", {
    schema: EVENT_SCHEMAS["account.export.requested"],
  }),
  "post.shared": eventType("post.shared", { schema: EVENT_SCHEMAS["post.shared"] }),
  "post.commented": eventType("post.commented", { schema: EVENT_SCHEMAS["post.commented"] }),
  "user.mentioned": eventType("user.mentioned", { schema: EVENT_SCHEMAS["user.mentioned"] }),
  "payment.completed": eventType("payment.completed", {
    schema: EVENT_SCHEMAS["payment.completed"],
  }),
} satisfies { [N in keyof typeof EVENT_SCHEMAS]: { name: N } };
