import { route } from "@/lib/api/route";
import { likePost } from "@/lib/posts/like-post";
import { ZPostIdParamsSchema, ZPostSchema } from "@/lib/posts/posts.types";
import { unlikePost } from "@/lib/posts/unlike-post";

// POST /api/posts/{id}/like – like a post (idempotent)
export const POST = route(
  {
    method: "POST",
    path: "/api/posts/{id}/like",
    operationId: "likePost",
    summary: "Like a post",
    description: "Idempotent: liking a post you already like changes nothing. Answers the post.",
    tags: ["Engagement"],
    auth: "required",
    params: ZPostIdParamsSchema,
    response: ZPostSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, viewer }) => likePost(params.id, viewer.userId),
);

// DELETE /api/posts/{id}/like – take back a like (idempotent)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/posts/{id}/like",
    operationId: "unlikePost",
    summary: "Unlike a post",
    description: "Idempotent. Answers the post.",
    tags: ["Engagement"],
    auth: "required",
    params: ZPostIdParamsSchema,
    response: ZPostSchema,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => unlikePost(params.id, viewer.userId),
);
