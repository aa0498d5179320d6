import { route } from "@/lib/api/route";
import { ZIdParamsSchema, ZRemoveContentBodySchema } from "@/lib/moderation/moderation.types";
import { removePost } from "@/lib/moderation/remove-post";
import { requireModerator } from "@/lib/moderation/require-moderator";

// POST /api/moderation/posts/{id}/remove – delete someone's post (moderators)
export const POST = route(
  {
    method: "POST",
    path: "/api/moderation/posts/{id}/remove",
    operationId: "removePost",
    summary: "Remove a post",
    description:
      "Deletes the post, marks its open reports actioned and logs the action with the removed text. Moderators only.",
    tags: ["Moderation"],
    auth: "required",
    params: ZIdParamsSchema,
    body: ZRemoveContentBodySchema,
    bodyExample: { reason: "Spam links.", reportId: "cm4k2x9a00001qz8b7hxy3f2d" },
    errors: ["forbidden", "not_found"],
  },
  async ({ params, body, viewer }) => {
    requireModerator(viewer);
    await removePost(viewer.userId, params.id, body);
  },
);
