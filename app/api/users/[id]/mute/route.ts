import { route } from "@/lib/api/route";
import { getSafetyState } from "@/lib/safety/get-safety-state";
import { muteUser } from "@/lib/safety/mute-user";
import { ZMuteStateSchema } from "@/lib/safety/safety.types";
import { unmuteUser } from "@/lib/safety/unmute-user";
import { ZUserRefParamsSchema } from "@/lib/users/users.types";

// GET /api/users/{id}/mute – whether you mute a user
export const GET = route(
  {
    method: "GET",
    path: "/api/users/{id}/mute",
    operationId: "getMuteStatus",
    summary: "Whether you mute a user",
    tags: ["Safety"],
    auth: "required",
    params: ZUserRefParamsSchema,
    response: ZMuteStateSchema,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => {
    const { muting } = await getSafetyState(viewer.userId, params.id);
    return { muting };
  },
);

// POST /api/users/{id}/mute – mute a user (idempotent)
export const POST = route(
  {
    method: "POST",
    path: "/api/users/{id}/mute",
    operationId: "muteUser",
    summary: "Mute a user",
    description:
      "Idempotent. Their posts leave your feed, explore and search; their profile still opens. " +
      "They are not told, and follows stay.",
    tags: ["Safety"],
    auth: "required",
    params: ZUserRefParamsSchema,
    response: ZMuteStateSchema,
    errors: ["not_found", "bad_request"],
  },
  async ({ params, viewer }) => muteUser(viewer.userId, params.id),
);

// DELETE /api/users/{id}/mute – unmute a user (idempotent)
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/users/{id}/mute",
    operationId: "unmuteUser",
    summary: "Unmute a user",
    tags: ["Safety"],
    auth: "required",
    params: ZUserRefParamsSchema,
    response: ZMuteStateSchema,
    errors: ["not_found", "bad_request"],
  },
  async ({ params, viewer }) => unmuteUser(viewer.userId, params.id),
);
