import { NonRetriableError, RetryAfterError, StepError } from "inngest";
import { log } from "@/lib/log";

// The Inngest SDK answers each call to /api/inngest with whatever a function or step threw,
// serialized with its message and stack (a Prisma error's message quotes the query and its
// arguments). Only Inngest should be calling, but the endpoint is public: what leaves is a
// generic error without a stack, and the real one goes to this server's log.

// The SDK's own errors, and ours that steer retries, keep their identity and class (the SDK
// decides whether to retry by them: a StepError it threw after the step's last attempt ends the
// run) and lose only their stack and cause. Their messages are written to be read.
const KEPT = [NonRetriableError, RetryAfterError, StepError];

function withoutStack(error: unknown): Error {
  if (KEPT.some((kind) => error instanceof kind)) {
    const kept = error as Error;
    kept.stack = "";
    kept.cause = undefined;
    return kept;
  }
  const clean = new Error("The function failed; this server's log has the details.");
  clean.stack = "";
  return clean;
}

/** Runs `fn` for function `functionId`; what it throws is logged, then rethrown without a stack. */
export async function guarded<T>(functionId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!KEPT.some((kind) => error instanceof kind)) {
      log.error("event function failed", { function: functionId, error });
    }
    throw withoutStack(error);
  }
}

/** The failure for event data that doesn't match its schema: never retried, no stack. */
export function invalidEventData(event: string, issues: string): NonRetriableError {
  log.warn("event data refused", { event, issues });
  const error = new NonRetriableError(`Invalid "${event}" event data: ${issues}`);
  error.stack = "";
  return error;
}
