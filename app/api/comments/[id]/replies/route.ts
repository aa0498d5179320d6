import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listReplies } from "@/lib/posts/list-replies";
import { ZCommentIdParamsSchema, ZCommentSchema } from "@/lib/posts/posts.types";

// GET /api/comments/{id}/replies – the replies under a comment, oldest first, cursor-paginated
export const GET = route(
  {
    method: "GET",
    path: "/api/comments/{id}/replies",
    operationId: "listReplies",
    summary: "A comment's replies",
    description:
      "Oldest first, in the shape of the comment list. Threads are one level deep: a reply has no replies of its own (a reply to it is filed under the same top-level comment).",
    tags: ["Comments"],
    auth: "optional",
    params: ZCommentIdParamsSchema,
    query: ZPageQuerySchema,
    response: pageSchema(ZCommentSchema),
    errors: ["not_found", "invalid_cursor"],
  },
  async ({ params, query, viewer }) => listReplies(params.id, query, viewer?.userId),
);
