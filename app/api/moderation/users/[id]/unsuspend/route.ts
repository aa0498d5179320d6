import { route } from "@/lib/api/route";
import {
  ZIdParamsSchema,
  ZModerationReasonBodySchema,
  ZSuspensionSchema,
} from "@/lib/moderation/moderation.types";
import { requireModerator } from "@/lib/moderation/require-moderator";
import { unsuspendUser } from "@/lib/moderation/unsuspend-user";

// POST /api/moderation/users/{id}/unsuspend – lift a suspension (moderators)
export const POST = route(
  {
    method: "POST",
    path: "/api/moderation/users/{id}/unsuspend",
    operationId: "unsuspendUser",
    summary: "Lift a suspension",
    tags: ["Moderation"],
    auth: "required",
    params: ZIdParamsSchema,
    body: ZModerationReasonBodySchema,
    bodyExample: { reason: "Appeal accepted." },
    response: ZSuspensionSchema,
    errors: ["forbidden", "not_found", "conflict"],
  },
  async ({ params, body, viewer }) => {
    requireModerator(viewer);
    return unsuspendUser(viewer, params.id, body.reason);
  },
);
