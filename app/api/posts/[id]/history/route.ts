import { route } from "@/lib/api/route";
import { getPostHistory } from "@/lib/posts/get-post-history";
import { ZPostHistorySchema, ZPostIdParamsSchema } from "@/lib/posts/posts.types";

// GET /api/posts/{id}/history – the post's current and earlier versions
export const GET = route(
  {
    method: "GET",
    path: "/api/posts/{id}/history",
    operationId: "listPostHistory",
    summary: "A post's edit history",
    tags: ["Posts"],
    auth: "optional",
    params: ZPostIdParamsSchema,
    response: ZPostHistorySchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, viewer }) => getPostHistory(params.id, viewer?.userId),
);
