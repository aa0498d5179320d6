import { z } from "zod";
import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { searchUsers } from "@/lib/users/search-users";
import { ZUserSummarySchema } from "@/lib/users/users.types";

// GET /api/users/search/{query} – users by username or display name, best matches first
export const GET = route(
  {
    method: "GET",
    path: "/api/users/search/{query}",
    operationId: "searchUsers",
    summary: "Search users",
    description:
      "Matches usernames and display names: exact and prefix matches first, then fuzzy (trigram) matches.",
    tags: ["Users"],
    auth: "optional",
    params: z.object({
      query: z.string().trim().min(1, "must not be empty").max(50, "must be at most 50 characters"),
    }),
    query: ZPageQuerySchema,
    response: pageSchema(ZUserSummarySchema),
    hot: true,
    errors: ["invalid_cursor"],
  },
  async ({ params, query, viewer }) => searchUsers(params.query, query, viewer?.userId),
);
