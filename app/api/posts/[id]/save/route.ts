import { route } from "@/lib/api/route";
import { ZPostIdParamsSchema, ZPostSchema } from "@/lib/posts/posts.types";
import { savePost } from "@/lib/posts/save-post";
import { unsavePost } from "@/lib/posts/unsave-post";

// POST /api/posts/{id}/save – save a post to your list (idempotent)
export const POST = route(
  {
    method: "POST",
    path: "/api/posts/{id}/save",
    operationId: "savePost",
    summary: "Save a post",
    description: "Idempotent. Your saved posts are at `GET /api/posts/saved`. Answers the post.",
    tags: ["Engagement"],
    auth: "required",
    params: ZPostIdParamsSchema,
    response: ZPostSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, viewer }) => savePost(params.id, viewer.userId),
);

// DELETE /api/posts/{id}/save – remove a post from your saved list (idempotent)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/posts/{id}/save",
    operationId: "unsavePost",
    summary: "Unsave a post",
    description: "Idempotent. Answers the post.",
    tags: ["Engagement"],
    auth: "required",
    params: ZPostIdParamsSchema,
    response: ZPostSchema,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => unsavePost(params.id, viewer.userId),
);
