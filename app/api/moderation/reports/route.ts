import { z } from "zod";
import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listReports } from "@/lib/moderation/list-reports";
import { REPORT_STATUSES, ZQueuedReportSchema } from "@/lib/moderation/moderation.types";
import { requireModerator } from "@/lib/moderation/require-moderator";

const ZReportsQuerySchema = ZPageQuerySchema.extend({
  status: z.enum(REPORT_STATUSES).default("open"),
});

// GET /api/moderation/reports – the reports queue (moderators)
export const GET = route(
  {
    method: "GET",
    path: "/api/moderation/reports",
    operationId: "listReports",
    summary: "The reports queue",
    description:
      "Open reports oldest first; actioned or dismissed ones newest first. Moderators only.",
    tags: ["Moderation"],
    auth: "required",
    query: ZReportsQuerySchema,
    response: pageSchema(ZQueuedReportSchema),
    errors: ["forbidden", "invalid_cursor"],
  },
  async ({ query, viewer }) => {
    requireModerator(viewer);
    return listReports(query.status, query.cursor, query.limit);
  },
);
