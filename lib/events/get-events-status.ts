import "server-only";
import { db } from "@/lib/db";
import { eventStats } from "./event-stats";
import { eventsMode } from "./events-mode";
import { registeredFunctions } from "./function-registry";

/**
 * The outbox's backlog (from the database, so the same on every replica) and this process's
 * counters (its dispatcher and the function runs it did). No error texts: they go to the logs,
 * where a URL or key in one can't leak to anyone who asks.
 */
export async function getEventsStatus() {
  const [pending, failing] = await Promise.all([
    db.outboxEvent.aggregate({
      where: { sentAt: null },
      _count: { _all: true },
      _min: { createdAt: true },
    }),
    db.outboxEvent.count({ where: { sentAt: null, lastError: { not: null } } }),
  ]);
  const oldest = pending._min.createdAt;
  const stats = eventStats();
  return {
    mode: eventsMode(),
    outbox: {
      pending: pending._count._all,
      failing,
      oldestPendingAgeSeconds: oldest
        ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000))
        : null,
    },
    process: {
      since: new Date(Date.now() - process.uptime() * 1000).toISOString(),
      dispatcher: {
        running: stats.dispatcher.running,
        passes: stats.dispatcher.passes,
        lastPassAt: stats.dispatcher.lastPassAt,
        delivered: stats.dispatcher.delivered,
        failedAttempts: stats.dispatcher.failedAttempts,
        lastFailureAt: stats.dispatcher.lastFailureAt,
      },
      functions: registeredFunctions().map((fn) => {
        const counters = stats.functions.get(fn.id);
        return {
          id: fn.id,
          trigger: fn.kind === "event" ? fn.event : `cron ${fn.cron}`,
          runs: counters?.runs ?? 0,
          failures: counters?.failures ?? 0,
          lastFailureAt: counters?.lastFailure ?? null,
        };
      }),
    },
  };
}
