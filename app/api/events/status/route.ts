import { z } from "zod";
import { assertMetricsToken } from "@/lib/api/assert-metrics-token";
import { route } from "@/lib/api/route";
import { getEventsStatus } from "@/lib/events/get-events-status";

const ZEventsStatusSchema = z
  .object({
    mode: z.enum(["inngest", "in-process"]),
    outbox: z.object({
      pending: z.int().meta({ description: "Events not delivered yet." }),
      failing: z.int().meta({ description: "Pending events whose last delivery failed." }),
      oldestPendingAgeSeconds: z.int().nullable(),
    }),
    process: z
      .object({
        since: z.iso.datetime(),
        dispatcher: z.object({
          running: z.boolean(),
          passes: z.int(),
          lastPassAt: z.iso.datetime().nullable(),
          delivered: z.int(),
          failedAttempts: z.int(),
          lastFailureAt: z.iso.datetime().nullable(),
        }),
        functions: z.array(
          z.object({
            id: z.string(),
            trigger: z.string(),
            runs: z.int(),
            failures: z.int(),
            lastFailureAt: z.iso.datetime().nullable(),
          }),
        ),
      })
      .meta({
        description:
          "Counters of the process that answered, since it started: each replica counts its own dispatcher passes and the function runs it did (in-process, or Inngest's calls to it).",
      }),
  })
  .meta({ id: "EventsStatus" });

// GET /api/events/status – the outbox backlog, and this process's dispatcher and function counters
export const GET = route(
  {
    method: "GET",
    path: "/api/events/status",
    operationId: "getEventsStatus",
    summary: "Background events status",
    description:
      "No secrets and no error texts (those are in the logs). In production it needs `Authorization: Bearer <METRICS_TOKEN>`, as /api/metrics does, and answers 401 to everyone while METRICS_TOKEN is unset.",
    tags: ["Operations"],
    auth: "none",
    response: ZEventsStatusSchema,
    errors: ["unauthorized", "service_unavailable"],
  },
  async ({ req }) => {
    assertMetricsToken(req.headers);
    return getEventsStatus();
  },
);
