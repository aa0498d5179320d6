import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listSavedPosts } from "@/lib/posts/list-saved-posts";
import { ZPostSchema } from "@/lib/posts/posts.types";

// GET /api/posts/saved – your saved posts, most recently saved first, cursor-paginated
export const GET = route(
  {
    method: "GET",
    path: "/api/posts/saved",
    operationId: "listSavedPosts",
    summary: "Your saved posts",
    description: "Most recently saved first.",
    tags: ["Engagement"],
    auth: "required",
    query: ZPageQuerySchema,
    response: pageSchema(ZPostSchema),
    errors: ["invalid_cursor"],
  },
  async ({ query, viewer }) => listSavedPosts(viewer.userId, query),
);
