import "server-only";
import { env } from "@/lib/config";
import { startDispatcher } from "./dispatcher";
import { registerFunctions } from "./function-registry";
import type { GroverFunction } from "./grover-function.types";

/**
 * instrumentation.ts, with inngest/functions: the functions are registered in every server
 * process (the events status lists them), and the outbox dispatcher runs them unless switched off.
 */
export function startDispatcherOnBoot(functions: readonly GroverFunction[]): void {
  registerFunctions(functions);
  if (env().EVENTS_DISPATCHER === "off") return;
  startDispatcher();
}
