import { route } from "@/lib/api/route";
import { dismissReport } from "@/lib/moderation/dismiss-report";
import { ZIdParamsSchema, ZModerationReasonBodySchema } from "@/lib/moderation/moderation.types";
import { requireModerator } from "@/lib/moderation/require-moderator";

// POST /api/moderation/reports/{id}/dismiss – close a report without action (moderators)
export const POST = route(
  {
    method: "POST",
    path: "/api/moderation/reports/{id}/dismiss",
    operationId: "dismissReport",
    summary: "Dismiss a report",
    description:
      "Dismisses the report and the other open reports on the same target, and logs why. Moderators only.",
    tags: ["Moderation"],
    auth: "required",
    params: ZIdParamsSchema,
    body: ZModerationReasonBodySchema,
    bodyExample: { reason: "Satire, within the rules." },
    errors: ["forbidden", "not_found", "conflict"],
  },
  async ({ params, body, viewer }) => {
    requireModerator(viewer);
    await dismissReport(viewer.userId, params.id, body.reason);
  },
);
