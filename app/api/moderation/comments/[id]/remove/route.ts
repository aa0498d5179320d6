import { route } from "@/lib/api/route";
import { ZIdParamsSchema, ZRemoveContentBodySchema } from "@/lib/moderation/moderation.types";
import { removeComment } from "@/lib/moderation/remove-comment";
import { requireModerator } from "@/lib/moderation/require-moderator";

// POST /api/moderation/comments/{id}/remove – delete someone's comment (moderators)
export const POST = route(
  {
    method: "POST",
    path: "/api/moderation/comments/{id}/remove",
    operationId: "removeComment",
    summary: "Remove a comment",
    description:
      "Deletes the comment, marks its open reports actioned and logs the action with the removed text. Moderators only.",
    tags: ["Moderation"],
    auth: "required",
    params: ZIdParamsSchema,
    body: ZRemoveContentBodySchema,
    bodyExample: { reason: "Harassment.", reportId: "cm4k2x9a00001qz8b7hxy3f2d" },
    errors: ["forbidden", "not_found"],
  },
  async ({ params, body, viewer }) => {
    requireModerator(viewer);
    await removeComment(viewer.userId, params.id, body);
  },
);
