import { pageSchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { ZUserPostsQuerySchema } from "@/lib/discovery/discovery.types";
import { listUserPosts } from "@/lib/posts/list-user-posts";
import { ZPostSchema } from "@/lib/posts/posts.types";
import { ZUserRefParamsSchema } from "@/lib/users/users.types";

// GET /api/users/{id}/posts – a user's posts, newest first
export const GET = route(
  {
    method: "GET",
    path: "/api/users/{id}/posts",
    operationId: "listUserPosts",
    summary: "A user's posts",
    tags: ["Posts", "Users"],
    auth: "optional",
    params: ZUserRefParamsSchema,
    query: ZUserPostsQuerySchema,
    response: pageSchema(ZPostSchema),
    hot: true,
    errors: ["not_found", "invalid_cursor"],
  },
  async ({ params, query, viewer }) => listUserPosts(params.id, query, viewer?.userId),
);
