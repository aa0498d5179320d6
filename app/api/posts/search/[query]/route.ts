import { z } from "zod";
import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { ZPostSchema } from "@/lib/posts/posts.types";
import { searchPosts } from "@/lib/posts/search-posts";

// GET /api/posts/search/{query} – posts by words (best matches first) or by one #hashtag (newest first)
export const GET = route(
  {
    method: "GET",
    path: "/api/posts/search/{query}",
    operationId: "searchPosts",
    summary: "Search posts",
    description:
      'Full-text search with English stemming and web-search syntax (`"exact phrase"`, `or`, `-word`), best matches first. A query that is one `#hashtag` (send `#` as `%23`) lists the posts tagged with it, newest first. A query with no searchable words answers an empty page.',
    tags: ["Posts"],
    auth: "optional",
    params: z.object({
      query: z
        .string()
        .trim()
        .min(1, "must not be empty")
        .max(100, "must be at most 100 characters"),
    }),
    query: ZPageQuerySchema,
    response: pageSchema(ZPostSchema),
    hot: true,
    errors: ["invalid_cursor"],
  },
  async ({ params, query, viewer }) => searchPosts(params.query, query, viewer?.userId),
);
