import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/error-response";
import { ApiError } from "@/lib/api/errors";
import { requestIdFrom } from "@/lib/api/request-id";
import { env } from "@/lib/config";
import { metrics } from "@/lib/metrics";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// GET /api/metrics – Prometheus text format; a bearer token is required when METRICS_TOKEN is set.
// Not through route(): it answers text, not JSON, and scrapes are not API traffic to count.
export async function GET(req: NextRequest): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  const token = env().METRICS_TOKEN;
  if (token) {
    const given = req.headers.get("authorization")?.match(/^Bearer (.+)$/i)?.[1] ?? "";
    if (!sameSecret(given, token)) {
      return errorResponse(
        new ApiError("unauthorized", "Send the metrics token as a bearer token.", {
          headers: { "www-authenticate": 'Bearer realm="metrics"' },
        }),
        requestId,
      );
    }
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: {
      "content-type": registry.contentType,
      "cache-control": "no-store",
      "x-request-id": requestId,
    },
  });
}
