import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config";
import { ApiError } from "./errors";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The operational endpoints (/api/metrics, /api/events/status) tell an outsider about traffic,
 * backlog and failures, so in production they answer only a bearer token equal to METRICS_TOKEN,
 * and nobody at all while it is unset. Outside production (`next dev`) they stay open until a
 * token is set, so a developer can look without configuring anything.
 */
export function assertMetricsToken(headers: Headers): void {
  const { METRICS_TOKEN: token, NODE_ENV } = env();
  if (!token && NODE_ENV !== "production") return;
  const given = headers.get("authorization")?.match(/^Bearer (.+)$/i)?.[1] ?? "";
  if (token && sameSecret(given, token)) return;
  throw new ApiError("unauthorized", "Send the metrics token (METRICS_TOKEN) as a bearer token.", {
    headers: { "www-authenticate": 'Bearer realm="metrics"' },
  });
}
