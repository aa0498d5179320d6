import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listExplore } from "@/lib/posts/list-explore";
import { ZPostSchema } from "@/lib/posts/posts.types";

// GET /api/posts/explore/all – everyone's posts, hottest first
export const GET = route(
  {
    method: "GET",
    path: "/api/posts/explore/all",
    operationId: "listExplorePosts",
    summary: "Explore",
    description:
      "Posts from everyone, ranked by engagement (likes, comments counted twice, reactions; on a log scale) with time decay: a post needs ten times the engagement to rank with one 12.5 hours newer. Works signed out.",
    tags: ["Posts"],
    auth: "optional",
    query: ZPageQuerySchema,
    response: pageSchema(ZPostSchema),
    hot: true,
    errors: ["invalid_cursor"],
  },
  async ({ query, viewer }) =>
    listExplore(query, viewer?.userId, { hidesAccounts: viewer?.hidesAccounts }),
);
