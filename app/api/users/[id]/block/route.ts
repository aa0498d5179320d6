import { route } from "@/lib/api/route";
import { blockUser } from "@/lib/safety/block-user";
import { getSafetyState } from "@/lib/safety/get-safety-state";
import { ZBlockStateSchema } from "@/lib/safety/safety.types";
import { unblockUser } from "@/lib/safety/unblock-user";
import { ZUserRefParamsSchema } from "@/lib/users/users.types";

// GET /api/users/{id}/block – whether you block a user
export const GET = route(
  {
    method: "GET",
    path: "/api/users/{id}/block",
    operationId: "getBlockStatus",
    summary: "Whether you block a user",
    tags: ["Safety"],
    auth: "required",
    params: ZUserRefParamsSchema,
    response: ZBlockStateSchema,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => {
    const { blocking } = await getSafetyState(viewer.userId, params.id);
    return { blocking };
  },
);

// POST /api/users/{id}/block – block a user (idempotent)
export const POST = route(
  {
    method: "POST",
    path: "/api/users/{id}/block",
    operationId: "blockUser",
    summary: "Block a user",
    description:
      "Idempotent. Ends any follow between you, both ways (unblocking doesn't restore them). " +
      "Neither of you sees the other's posts, comments or profile, and neither can follow, " +
      "comment on, tip or buy from the other.",
    tags: ["Safety"],
    auth: "required",
    params: ZUserRefParamsSchema,
    response: ZBlockStateSchema,
    errors: ["not_found", "bad_request"],
  },
  async ({ params, viewer }) => blockUser(viewer.userId, params.id),
);

// DELETE /api/users/{id}/block – unblock a user (idempotent)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/users/{id}/block",
    operationId: "unblockUser",
    summary: "Unblock a user",
    description: "Idempotent. Follows ended by the block stay ended.",
    tags: ["Safety"],
    auth: "required",
    params: ZUserRefParamsSchema,
    response: ZBlockStateSchema,
    errors: ["not_found", "bad_request"],
  },
  async ({ params, viewer }) => unblockUser(viewer.userId, params.id),
);
