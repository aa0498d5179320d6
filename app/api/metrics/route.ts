import type { NextRequest } from "next/server";
import { assertMetricsToken } from "@/lib/api/assert-metrics-token";
import { errorResponse } from "@/lib/api/error-response";
import { requestIdFrom } from "@/lib/api/request-id";
import { metrics } from "@/lib/metrics";

// GET /api/metrics – Prometheus text format; needs the METRICS_TOKEN bearer token in production.
// Not through route(): it answers text, not JSON, and scrapes are not API traffic to count.
export async function GET(req: NextRequest): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  try {
    assertMetricsToken(req.headers);
  } catch (error) {
    return errorResponse(error, requestId);
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
