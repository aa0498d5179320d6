import { route } from "@/lib/api/route";
import { ZPostIdParamsSchema, ZPostSchema } from "@/lib/posts/posts.types";
import { repostPost } from "@/lib/posts/repost-post";
import { unrepostPost } from "@/lib/posts/unrepost-post";

// POST /api/posts/{id}/repost – share a post with your followers (idempotent)
export const POST = route(
  {
    method: "POST",
    path: "/api/posts/{id}/repost",
    operationId: "repostPost",
    summary: "Repost a post",
    description:
      "Shares the post into your followers' feeds (once each, even if they follow its author too) and tells its author. Idempotent. Answers the post.",
    tags: ["Engagement"],
    auth: "required",
    params: ZPostIdParamsSchema,
    response: ZPostSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, viewer }) => repostPost(params.id, viewer.userId),
);

// DELETE /api/posts/{id}/repost – take back a repost (idempotent)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/posts/{id}/repost",
    operationId: "undoRepost",
    summary: "Undo a repost",
    description: "Idempotent. Answers the post.",
    tags: ["Engagement"],
    auth: "required",
    params: ZPostIdParamsSchema,
    response: ZPostSchema,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => unrepostPost(params.id, viewer.userId),
);
