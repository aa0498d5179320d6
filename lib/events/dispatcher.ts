import "server-only";
import { env } from "@/lib/config";
import { log } from "@/lib/log";
import { claimDueEvents, type ClaimedEvent } from "./claim-due-events";
import {
  runningDispatcher,
  setRunningDispatcher,
  type RunningDispatcher,
} from "./dispatcher-registry";
import { describeError, eventStats } from "./event-stats";
import { eventsMode } from "./events-mode";
import { registeredFunctions } from "./function-registry";
import type { StepTools } from "./grover-function.types";
import { retryDelayMs } from "./retry-delay";
import { runInProcess } from "./run-in-process";
import { markEventsSent, scheduleRetry } from "./settle-events";
import { sendToInngest } from "./send-to-inngest";

// In-process runs are sequential and hold their lease while they run, so claim few at a time;
// Inngest takes a batch in one request.
const IN_PROCESS_BATCH = 10;
const INNGEST_BATCH = 50;
// Passes back to back while the backlog lasts, before yielding to the poll timer.
const MAX_PASSES_PER_TICK = 20;
// A database that is down fails every pass: say so once a minute, not every second.
const ERROR_LOG_INTERVAL_MS = 60_000;
// Scheduled functions first run this long after start (in-process mode), then on their period.
const FIRST_SCHEDULED_RUN_MS = 60_000;

export type PassResult = { claimed: number; delivered: number; failed: number; full: boolean };

/**
 * One pass of the outbox: claims due events and delivers them (to Inngest, or in-process), marks
 * the delivered ones sent and schedules the rest for a retry with backoff. Never holds a
 * transaction while it delivers.
 */
export async function dispatchDueEvents(): Promise<PassResult> {
  const { EVENTS_LEASE_MS } = env();
  const mode = eventsMode();
  const limit = mode === "inngest" ? INNGEST_BATCH : IN_PROCESS_BATCH;
  const stats = eventStats().dispatcher;
  const events = await claimDueEvents(limit, EVENTS_LEASE_MS);
  stats.passes += 1;
  stats.lastPassAt = new Date().toISOString();
  const result: PassResult = { claimed: events.length, delivered: 0, failed: 0, full: false };
  result.full = events.length === limit;
  if (events.length === 0) return result;

  if (mode === "inngest") {
    try {
      await sendToInngest(events);
    } catch (error) {
      for (const event of events) await retryLater(event, error);
      result.failed = events.length;
      return result;
    }
    await markEventsSent(events.map((event) => event.id));
    result.delivered = events.length;
  } else {
    for (const event of events) {
      try {
        await runInProcess(event, EVENTS_LEASE_MS);
      } catch (error) {
        await retryLater(event, error);
        result.failed += 1;
        continue;
      }
      await markEventsSent([event.id]);
      result.delivered += 1;
    }
  }
  stats.delivered += result.delivered;
  return result;
}

async function retryLater(event: ClaimedEvent, error: unknown): Promise<void> {
  const delayMs = retryDelayMs(event.attempts, env().EVENTS_RETRY_BASE_MS);
  const message = describeError(error);
  const stats = eventStats().dispatcher;
  stats.failedAttempts += 1;
  stats.lastFailureAt = new Date().toISOString();
  log.warn("event delivery failed; retrying later", {
    eventId: event.id,
    event: event.name,
    attempts: event.attempts,
    retryInMs: delayMs,
    error: message,
  });
  // If this fails too (the database is down), the claim's lease runs out and the event is due
  // again then.
  await scheduleRetry(event.id, delayMs, message).catch(() => {});
}

/**
 * Starts the dispatcher in this process (once; later calls get the running one): a pass right
 * away, then every EVENTS_POLL_MS, and soon after every publish (a nudge). One pass at a time;
 * a nudge during a pass asks for another right after it. In in-process mode it also runs the
 * scheduled functions (Inngest runs them itself otherwise). Several replicas may each run one:
 * claims skip each other's rows.
 */
export function startDispatcher(): RunningDispatcher {
  const existing = runningDispatcher();
  if (existing) return existing;

  const { EVENTS_POLL_MS } = env();
  const stats = eventStats().dispatcher;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastErrorLogAt = 0;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };

  const drain = async () => {
    for (let pass = 0; pass < MAX_PASSES_PER_TICK && !stopped; pass++) {
      try {
        const { full } = await dispatchDueEvents();
        if (!full) return;
      } catch (error) {
        if (Date.now() - lastErrorLogAt > ERROR_LOG_INTERVAL_MS) {
          lastErrorLogAt = Date.now();
          log.warn("event dispatch pass failed; retrying at the next poll", { error });
        }
        return;
      }
    }
  };

  function tick() {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = drain().finally(() => {
      inFlight = null;
      const soon = again;
      again = false;
      schedule(soon ? 0 : EVENTS_POLL_MS);
    });
  }

  const scheduled = eventsMode() === "in-process" ? startScheduledFunctions() : () => {};

  const dispatcher: RunningDispatcher = {
    nudge: () => (inFlight ? (again = true) : schedule(0)),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      scheduled();
      await inFlight;
      stats.running = false;
      if (runningDispatcher() === dispatcher) setRunningDispatcher(undefined);
    },
  };
  setRunningDispatcher(dispatcher);
  stats.running = true;
  log.info("event dispatcher started", { mode: eventsMode(), pollMs: EVENTS_POLL_MS });
  schedule(0);
  return dispatcher;
}

/** Runs each scheduled function on its period, one run at a time each. Answers a stop function. */
function startScheduledFunctions(): () => void {
  const timers: NodeJS.Timeout[] = [];
  // No outbox row to record steps on: a scheduled run that fails simply runs again next period.
  const step: StepTools = { run: (_id, body) => body() };
  for (const fn of registeredFunctions()) {
    if (fn.kind !== "scheduled") continue;
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      try {
        await fn.run(step);
      } catch (error) {
        log.warn("scheduled function failed", { function: fn.id, error });
      } finally {
        running = false;
      }
    };
    const first = setTimeout(
      () => {
        void run();
        timers.push(setInterval(() => void run(), fn.everyMs).unref());
      },
      Math.min(fn.everyMs, FIRST_SCHEDULED_RUN_MS),
    );
    timers.push(first.unref());
  }
  return () => timers.forEach((t) => clearTimeout(t));
}
