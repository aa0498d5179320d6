import { route } from "@/lib/api/route";
import { ZTrendingQuerySchema, ZTrendingTagsSchema } from "@/lib/discovery/discovery.types";
import { listTrendingTags } from "@/lib/discovery/list-trending-tags";

// GET /api/tags/trending – the tags most used in the last 24 hours, recent uses weighing more
export const GET = route(
  {
    method: "GET",
    path: "/api/tags/trending",
    operationId: "listTrendingTags",
    summary: "Trending tags",
    description:
      "Tags used in the last 24 hours, ranked by uses weighted by age (a use counts half as much every 6 hours). Uses by accounts hidden from you don't count.",
    tags: ["Discovery"],
    auth: "optional",
    query: ZTrendingQuerySchema,
    response: ZTrendingTagsSchema,
    hot: true,
  },
  async ({ query, viewer }) => ({
    items: await listTrendingTags(query.limit, viewer?.userId, {
      hidesAccounts: viewer?.hidesAccounts,
    }),
  }),
);
