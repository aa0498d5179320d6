import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/api/route";
import { checkHealth } from "@/lib/health/check-health";

const ZCheckSchema = z.object({
  status: z.enum(["ok", "down"]),
  latencyMs: z.number(),
  error: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const ZHealthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "down"]),
    database: z.enum(["postgresql", "embedded"]),
    /** How mail leaves: over SMTP, into DATA_DIR/mail (read at /dev/mail), or not at all. */
    mail: z.enum(["smtp", "file", "off"]),
    /** The checks that are down; "database" among them makes the whole service down. */
    failing: z.array(z.string()),
    checks: z.record(z.string(), ZCheckSchema),
  })
  .meta({ id: "Health" });

// GET /api/health – every dependency's state; 503 naming the failing parts when the database is down
export const GET = route(
  {
    method: "GET",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Service health",
    description:
      "Database, media storage, background events (with the outbox backlog), Redis, PayPal and the SMTP server when configured, how mail is sent (`mail`: `off` in production without SMTP), each with its status and latency. 200 while the app can serve (`degraded` when an optional part is down), 503 when it cannot.",
    tags: ["Operations"],
    auth: "none",
    response: ZHealthSchema,
    errors: ["service_unavailable"],
  },
  async () => {
    const health = await checkHealth();
    return NextResponse.json(ZHealthSchema.parse(health), {
      status: health.status === "down" ? 503 : 200,
      headers: { "cache-control": "no-store" },
    });
  },
);
