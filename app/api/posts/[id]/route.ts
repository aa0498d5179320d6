import { route } from "@/lib/api/route";
import { deletePost } from "@/lib/posts/delete-post";
import { getPost } from "@/lib/posts/get-post";
import { ZPostIdParamsSchema, ZPostSchema, ZUpdatePostBodySchema } from "@/lib/posts/posts.types";
import { updatePost } from "@/lib/posts/update-post";

// GET /api/posts/{id} – a post with its counts and the viewer's state
export const GET = route(
  {
    method: "GET",
    path: "/api/posts/{id}",
    operationId: "getPost",
    summary: "A post",
    tags: ["Posts"],
    auth: "optional",
    params: ZPostIdParamsSchema,
    response: ZPostSchema,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => getPost(params.id, viewer?.userId),
);

// PUT /api/posts/{id} – edit your post; the earlier version is kept
export const PUT = route(
  {
    method: "PUT",
    path: "/api/posts/{id}",
    operationId: "updatePost",
    summary: "Edit your post",
    description: "The replaced version stays readable at `GET /api/posts/{id}/history`.",
    tags: ["Posts"],
    auth: "required",
    params: ZPostIdParamsSchema,
    body: ZUpdatePostBodySchema,
    bodyExample: { text: "First light over the harbour, from the pier #sunrise" },
    response: ZPostSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, body, viewer }) => updatePost(params.id, viewer.userId, body),
);

// DELETE /api/posts/{id} – delete your post and everything on it
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/posts/{id}",
    operationId: "deletePost",
    summary: "Delete your post",
    tags: ["Posts"],
    auth: "required",
    params: ZPostIdParamsSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, viewer }) => deletePost(params.id, viewer.userId),
);
