import { route } from "@/lib/api/route";
import { getUserStats } from "@/lib/users/get-user-stats";
import { ZUserRefParamsSchema, ZUserStatsSchema } from "@/lib/users/users.types";

// GET /api/users/{id}/stats – followers, following, posts, likes received
export const GET = route(
  {
    method: "GET",
    path: "/api/users/{id}/stats",
    operationId: "getUserStats",
    summary: "A user's counts",
    tags: ["Users"],
    auth: "optional",
    params: ZUserRefParamsSchema,
    response: ZUserStatsSchema,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => getUserStats(params.id, viewer?.userId),
);
