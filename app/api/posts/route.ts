import { route } from "@/lib/api/route";
import { createPost } from "@/lib/posts/create-post";
import { ZCreatePostBodySchema, ZPostSchema } from "@/lib/posts/posts.types";

// POST /api/posts/ – publish a post
export const POST = route(
  {
    method: "POST",
    path: "/api/posts",
    summary: "Publish a post",
    description:
      "Hashtags (#tag) and @mentions in the text are linked. `POST /api/posts/` works too.",
    tags: ["Posts"],
    auth: "required",
    body: ZCreatePostBodySchema,
    response: ZPostSchema,
    status: 201,
    idempotent: true,
  },
  async ({ body, viewer }) => createPost(viewer.userId, body),
);
