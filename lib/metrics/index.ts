import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Every metric the app exports, on one registry kept on globalThis: Next's dev server re-evaluates
 * modules on each change, and prom-client refuses to register a name twice in one registry.
 * deploy/grafana dashboards query these names (tests/unit/deploy-files.test.ts checks).
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "API requests answered, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "API request duration in seconds, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      // 0.2 s is the p95 target, so it is a bucket boundary.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    httpErrors: new Counter({
      name: "http_errors_total",
      help: "API requests answered with a 5xx status, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    usersCreated: new Counter({
      name: "users_created_total",
      help: "Accounts created.",
      registers,
    }),
    postsCreated: new Counter({
      name: "posts_created_total",
      help: "Posts published.",
      registers,
    }),
    paymentsCompleted: new Counter({
      name: "payments_completed_total",
      help: "PayPal payments captured.",
      registers,
    }),
    payouts: new Counter({
      name: "payouts_total",
      help: "Creator payouts requested (balance reserved, sent to PayPal).",
      registers,
    }),
    outboxBacklog: new Gauge({
      name: "outbox_backlog_events",
      help: "Background events written but not yet delivered (the outbox's pending rows).",
      registers,
      async collect() {
        // Read at scrape time; the status module is loaded lazily so metrics never need it.
        try {
          const { getEventsStatus } = await import("@/lib/events/get-events-status");
          this.set((await getEventsStatus()).outbox.pending);
        } catch {
          // The database is down: leave the last value (health reports the outage).
        }
      },
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const KEY = Symbol.for("grover.metrics");
type Store = { [KEY]?: Metrics };

/** The process's metrics. */
export function metrics(): Metrics {
  const store = globalThis as Store;
  return (store[KEY] ??= createMetrics());
}
