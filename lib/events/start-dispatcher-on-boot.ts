import "server-only";
import { env } from "@/lib/config";
import { startDispatcher } from "./dispatcher";

/** instrumentation.ts: the outbox dispatcher runs in every server process unless switched off. */
export function startDispatcherOnBoot(): void {
  if (env().EVENTS_DISPATCHER === "off") return;
  startDispatcher();
}
