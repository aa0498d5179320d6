import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listFollows } from "@/lib/users/list-follows";
import { ZUserRefParamsSchema, ZUserSummarySchema } from "@/lib/users/users.types";

// GET /api/users/{id}/following – Who a user follows, newest first, cursor-paginated
export const GET = route(
  {
    method: "GET",
    path: "/api/users/{id}/following",
    operationId: "listFollowing",
    summary: "Who a user follows",
    tags: ["Users"],
    auth: "optional",
    params: ZUserRefParamsSchema,
    query: ZPageQuerySchema,
    response: pageSchema(ZUserSummarySchema),
    errors: ["not_found", "invalid_cursor"],
  },
  async ({ params, query, viewer }) => listFollows("following", params.id, query, viewer?.userId),
);
