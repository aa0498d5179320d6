import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/api/route";
import { checkHealth } from "@/lib/health/check-health";

const ZCheckSchema = z.object({
  status: z.enum(["ok", "down"]),
  latencyMs: z.number(),
  error: z.string().optional(),
});

export const ZHealthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "down"]),
    database: z.enum(["postgresql", "embedded"]),
    checks: z.record(z.string(), ZCheckSchema),
  })
  .meta({ id: "Health" });

// GET /api/health – every dependency's state; 503 when the database is down
export const GET = route(
  {
    method: "GET",
    path: "/api/health",
    summary: "Service health",
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
