import { route } from "@/lib/api/route";
import { createReport } from "@/lib/moderation/create-report";
import { ZCreateReportBodySchema, ZReportSchema } from "@/lib/moderation/moderation.types";

// POST /api/reports – report a post, comment or user to the moderators
export const POST = route(
  {
    method: "POST",
    path: "/api/reports",
    operationId: "createReport",
    summary: "Report a post, comment or user",
    description:
      "One report per target and reporter (409 `already_reported` on a second); you can't report yourself or your own content (422).",
    tags: ["Moderation"],
    auth: "required",
    body: ZCreateReportBodySchema,
    bodyExample: {
      targetType: "post",
      targetId: "cm4k2x9a00001qz8b7hxy3f2d",
      reason: "spam",
      details: "The same link posted in every reply.",
    },
    response: ZReportSchema,
    status: 201,
    errors: ["not_found", "unprocessable", "already_reported"],
  },
  async ({ body, viewer }) => createReport(viewer.userId, body),
);
