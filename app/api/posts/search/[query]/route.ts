import { z } from "zod";
import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { ZPostSchema, ZPostSearchSortSchema } from "@/lib/posts/posts.types";
import { searchPosts } from "@/lib/posts/search-posts";

const ZPostSearchQuerySchema = ZPageQuerySchema.extend({
  sort: ZPostSearchSortSchema.default("latest").meta({
    description:
      "For words: `latest`, newest matches first (the default), or `top`, the best of the 500 newest matches first. A #hashtag is always newest first.",
  }),
});

// GET /api/posts/search/{query} – posts by words or by one #hashtag, newest first or best first
export const GET = route(
  {
    method: "GET",
    path: "/api/posts/search/{query}",
    operationId: "searchPosts",
    summary: "Search posts",
    description:
      'Full-text search with English stemming and web-search syntax (`"exact phrase"`, `or`, `-word`): newest matches first, or with `sort=top` the best of the newest 500 first. A query that is one `#hashtag` (send `#` as `%23`) lists the posts tagged with it, newest first. A query with no searchable words answers an empty page.',
    tags: ["Posts"],
    auth: "optional",
    params: z.object({
      query: z
        .string()
        .trim()
        .min(1, "must not be empty")
        .max(100, "must be at most 100 characters"),
    }),
    query: ZPostSearchQuerySchema,
    response: pageSchema(ZPostSchema),
    hot: true,
    errors: ["invalid_cursor"],
  },
  async ({ params, query, viewer }) => searchPosts(params.query, query, viewer?.userId, query.sort),
);
