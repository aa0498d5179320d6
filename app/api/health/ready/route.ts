import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/api/route";
import { checkReadiness } from "@/lib/health/check-readiness";

const ZReadySchema = z
  .object({
    status: z.enum(["ready", "not_ready"]),
    database: z.enum(["ok", "down"]),
    /** Migrations in prisma/migrations not yet applied to the database. */
    pendingMigrations: z.array(z.string()),
    error: z.string().optional(),
  })
  .meta({ id: "Readiness" });

// GET /api/health/ready – 200 when the database answers and every migration is applied, else 503
export const GET = route(
  {
    method: "GET",
    path: "/api/health/ready",
    operationId: "getReadiness",
    summary: "Readiness",
    description:
      "For readiness probes and load balancers: 200 when this replica can serve (the database answers and its schema is migrated), 503 otherwise.",
    tags: ["Operations"],
    auth: "none",
    response: ZReadySchema,
    errors: ["service_unavailable"],
  },
  async () => {
    const readiness = await checkReadiness();
    return NextResponse.json(ZReadySchema.parse(readiness), {
      status: readiness.status === "ready" ? 200 : 503,
      headers: { "cache-control": "no-store" },
    });
  },
);
