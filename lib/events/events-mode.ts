import "server-only";
import { env } from "@/lib/config";

export type EventsMode = "inngest" | "in-process";

/**
 * Where the outbox dispatcher delivers events: to Inngest when it is configured (an event key,
 * or INNGEST_DEV for the dev server), else to the same functions run in this process. The
 * choice is configuration alone; the outbox, the functions and their tests are the same.
 */
export function eventsMode(): EventsMode {
  const { INNGEST_EVENT_KEY, INNGEST_DEV } = env();
  const dev = INNGEST_DEV !== undefined && !["", "0", "false"].includes(INNGEST_DEV.toLowerCase());
  return INNGEST_EVENT_KEY || dev ? "inngest" : "in-process";
}
