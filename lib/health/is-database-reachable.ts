import "server-only";
import { db } from "@/lib/db";
import { isDatabaseUnavailableError } from "@/lib/database/is-database-unavailable-error";

// Asked before every page render (proxy.ts), so one answer serves every request for a second,
// and a probe that hangs counts as down after two (the pool would wait ten).
const FRESH_MS = 1_000;
const TIMEOUT_MS = 2_000;

let last: { at: number; reachable: Promise<boolean> } | undefined;

async function probe(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), TIMEOUT_MS);
    timer.unref();
  });
  const answered = db.$queryRaw`SELECT 1`.then(
    () => true,
    // Any other failure is not an outage: let the page meet it and say what it is.
    (error: unknown) => !isDatabaseUnavailableError(error),
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the database answers now, as seen at most a second ago by this process. */
export function isDatabaseReachable(): Promise<boolean> {
  if (!last || Date.now() - last.at >= FRESH_MS) last = { at: Date.now(), reachable: probe() };
  return last.reachable;
}
