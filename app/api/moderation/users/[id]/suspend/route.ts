import { route } from "@/lib/api/route";
import {
  ZIdParamsSchema,
  ZModerationReasonBodySchema,
  ZSuspensionSchema,
} from "@/lib/moderation/moderation.types";
import { requireModerator } from "@/lib/moderation/require-moderator";
import { suspendUser } from "@/lib/moderation/suspend-user";

// POST /api/moderation/users/{id}/suspend – suspend an account (moderators)
export const POST = route(
  {
    method: "POST",
    path: "/api/moderation/users/{id}/suspend",
    operationId: "suspendUser",
    summary: "Suspend an account",
    description:
      "The account can't sign in or be paid, its sessions end now and its content is hidden; open reports on it are actioned. Not yourself, not an admin. Moderators only.",
    tags: ["Moderation"],
    auth: "required",
    params: ZIdParamsSchema,
    body: ZModerationReasonBodySchema,
    bodyExample: { reason: "Repeated spam after a warning." },
    response: ZSuspensionSchema,
    errors: ["forbidden", "not_found", "conflict"],
  },
  async ({ params, body, viewer }) => {
    requireModerator(viewer);
    return suspendUser(viewer, params.id, body.reason);
  },
);
