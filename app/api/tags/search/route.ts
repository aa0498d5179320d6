import { route } from "@/lib/api/route";
import { ZTagSearchQuerySchema, ZTagSuggestionsSchema } from "@/lib/posts/posts.types";
import { searchTags } from "@/lib/posts/search-tags";

// GET /api/tags/search?q= – hashtags starting with q, the most used first
export const GET = route(
  {
    method: "GET",
    path: "/api/tags/search",
    operationId: "searchTags",
    summary: "Suggest hashtags",
    description:
      "Hashtags starting with `q`, the exact one first, then by the number of posts using them.",
    tags: ["Posts"],
    auth: "optional",
    query: ZTagSearchQuerySchema,
    response: ZTagSuggestionsSchema,
  },
  async ({ query }) => ({ items: await searchTags(query.q, query.limit) }),
);
