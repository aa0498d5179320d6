import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listFeed } from "@/lib/posts/list-feed";
import { ZPostSchema } from "@/lib/posts/posts.types";

// GET /api/posts/feed/me – your feed: your posts and those of people you follow, newest first
export const GET = route(
  {
    method: "GET",
    path: "/api/posts/feed/me",
    operationId: "listFeed",
    summary: "Your feed",
    description:
      "Posts by the people you follow and your own, newest first, cursor-paginated. Someone you start following shows up at once, older posts included.",
    tags: ["Posts"],
    auth: "required",
    query: ZPageQuerySchema,
    response: pageSchema(ZPostSchema),
    hot: true,
    errors: ["invalid_cursor"],
  },
  async ({ query, viewer }) => listFeed(viewer.userId, query, viewer.mutedWords),
);
