// The one Inngest client, in lib because the outbox dispatcher sends events with it
// (send-to-inngest.ts); inngest/ defines the functions on it and app/api/inngest serves them.
import { Inngest } from "inngest";

// How long one send to Inngest may take before it counts as failed (the SDK then retries a few
// times, and the outbox dispatcher retries with backoff after that).
const SEND_TIMEOUT_MS = 10_000;

/**
 * It reads its settings from the environment, as the SDK does: INNGEST_EVENT_KEY (sending),
 * INNGEST_SIGNING_KEY (serving app/api/inngest), INNGEST_BASE_URL (a self-hosted Inngest or a
 * local double) and INNGEST_DEV (the dev server). Whether events go to Inngest at all is
 * events-mode.ts's decision.
 */
export const inngest = new Inngest({
  id: "grover",
  fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) }),
});
