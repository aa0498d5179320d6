import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { ZUserCommentSchema } from "@/lib/discovery/discovery.types";
import { listUserComments } from "@/lib/discovery/list-user-comments";
import { ZUserRefParamsSchema } from "@/lib/users/users.types";

// GET /api/users/{id}/comments – a user's comments with their posts, newest first
export const GET = route(
  {
    method: "GET",
    path: "/api/users/{id}/comments",
    operationId: "listUserComments",
    summary: "A user's comments (the profile's Replies tab)",
    description: "Each comment comes with the post it answers, as you may see it.",
    tags: ["Comments", "Users"],
    auth: "optional",
    params: ZUserRefParamsSchema,
    query: ZPageQuerySchema,
    response: pageSchema(ZUserCommentSchema),
    errors: ["not_found", "invalid_cursor"],
  },
  async ({ params, query, viewer }) => listUserComments(params.id, query, viewer?.userId),
);
