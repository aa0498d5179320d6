import { route } from "@/lib/api/route";
import { getPublicProfile } from "@/lib/users/get-public-profile";
import { ZPublicUserSchema, ZUserRefParamsSchema } from "@/lib/users/users.types";

// GET /api/users/{id} – a public profile, by id or username
export const GET = route(
  {
    method: "GET",
    path: "/api/users/{id}",
    operationId: "getUser",
    summary: "A user's public profile",
    tags: ["Users"],
    auth: "optional",
    params: ZUserRefParamsSchema,
    response: ZPublicUserSchema,
    hot: true,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => getPublicProfile(params.id, viewer?.userId),
);
