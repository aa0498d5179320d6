import { route } from "@/lib/api/route";
import { createPost } from "@/lib/posts/create-post";
import { ZCreatePostBodySchema, ZPostSchema } from "@/lib/posts/posts.types";

// POST /api/posts/ – publish a post
export const POST = route(
  {
    method: "POST",
    path: "/api/posts",
    operationId: "createPost",
    summary: "Publish a post",
    description:
      "Hashtags (#tag) and @mentions in the text are linked. `POST /api/posts/` works too.",
    tags: ["Posts"],
    auth: "required",
    body: ZCreatePostBodySchema,
    bodyExample: {
      text: "First light over the harbour #sunrise",
      mediaIds: ["cm4k2x9a00001qz8b7hxy3f2d"],
    },
    response: ZPostSchema,
    status: 201,
    idempotent: true,
  },
  async ({ body, viewer }) => createPost(viewer.userId, body),
);
