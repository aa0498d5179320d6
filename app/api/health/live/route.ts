import { z } from "zod";
import { route } from "@/lib/api/route";

const ZLiveSchema = z.object({ status: z.literal("ok"), uptimeSeconds: z.number() });

// GET /api/health/live – the process is up and answering; no dependency is consulted
export const GET = route(
  {
    method: "GET",
    path: "/api/health/live",
    operationId: "getLiveness",
    summary: "Liveness",
    description:
      "For liveness probes: 200 whenever the process serves requests. It checks no dependency, so a database outage never gets the replica restarted.",
    tags: ["Operations"],
    auth: "none",
    response: ZLiveSchema,
  },
  async () => ({ status: "ok" as const, uptimeSeconds: Math.round(process.uptime()) }),
);
