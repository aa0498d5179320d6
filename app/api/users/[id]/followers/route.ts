import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listFollows } from "@/lib/users/list-follows";
import { ZUserRefParamsSchema, ZUserSummarySchema } from "@/lib/users/users.types";

// GET /api/users/{id}/followers – A user's followers, newest first, cursor-paginated
export const GET = route(
  {
    method: "GET",
    path: "/api/users/{id}/followers",
    operationId: "listFollowers",
    summary: "A user's followers",
    tags: ["Users"],
    auth: "optional",
    params: ZUserRefParamsSchema,
    query: ZPageQuerySchema,
    response: pageSchema(ZUserSummarySchema),
    errors: ["not_found", "invalid_cursor"],
  },
  async ({ params, query, viewer }) => listFollows("followers", params.id, query, viewer?.userId),
);
