import { z } from "zod";
import { route } from "@/lib/api/route";
import { followUser } from "@/lib/users/follow-user";
import { unfollowUser } from "@/lib/users/unfollow-user";
import { ZUserRefParamsSchema } from "@/lib/users/users.types";

const ZFollowStateSchema = z.object({ following: z.boolean() }).meta({ id: "FollowState" });

// POST /api/users/{id}/follow – follow a user (idempotent)
export const POST = route(
  {
    method: "POST",
    path: "/api/users/{id}/follow",
    operationId: "followUser",
    summary: "Follow a user",
    description: "Idempotent: following someone you already follow changes nothing.",
    tags: ["Users"],
    auth: "required",
    params: ZUserRefParamsSchema,
    response: ZFollowStateSchema,
    errors: ["not_found", "bad_request", "forbidden"],
  },
  async ({ params, viewer }) => followUser(viewer.userId, params.id),
);

// DELETE /api/users/{id}/follow – unfollow a user (idempotent)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/users/{id}/follow",
    operationId: "unfollowUser",
    summary: "Unfollow a user",
    tags: ["Users"],
    auth: "required",
    params: ZUserRefParamsSchema,
    response: ZFollowStateSchema,
    errors: ["not_found", "bad_request"],
  },
  async ({ params, viewer }) => unfollowUser(viewer.userId, params.id),
);
