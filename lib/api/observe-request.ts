import "server-only";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import type { RouteSpec } from "./route";

type Observed = {
  spec: RouteSpec;
  requestId: string;
  userId: string | undefined;
  status: number;
  /** performance.now() when the request came in. */
  started: number;
};

/**
 * One request's metrics and its log line. The route label is the spec's path pattern
 * (`/api/posts/{id}`), never the raw path, so the number of series stays bounded.
 */
export function observeRequest({ spec, requestId, userId, status, started }: Observed): void {
  const seconds = (performance.now() - started) / 1000;
  const labels = { method: spec.method, route: spec.path, status: String(status) };
  const m = metrics();
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
  if (status >= 500) m.httpErrors.inc(labels);

  const fields = {
    requestId,
    userId,
    method: spec.method,
    route: spec.path,
    status,
    durationMs: Math.round(seconds * 1000 * 10) / 10,
  };
  if (status >= 500) log.error("request", fields);
  else log.info("request", fields);
}
