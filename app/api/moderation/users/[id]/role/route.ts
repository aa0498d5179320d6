import { route } from "@/lib/api/route";
import {
  ZIdParamsSchema,
  ZSetRoleBodySchema,
  ZUserRoleSchema,
} from "@/lib/moderation/moderation.types";
import { requireAdmin } from "@/lib/moderation/require-moderator";
import { setModeratorRole } from "@/lib/moderation/set-moderator-role";

// PUT /api/moderation/users/{id}/role – grant or revoke the moderator role (admins)
export const PUT = route(
  {
    method: "PUT",
    path: "/api/moderation/users/{id}/role",
    operationId: "setUserRole",
    summary: "Grant or revoke the moderator role",
    description: "Admins only. An admin's role and your own can't be changed here.",
    tags: ["Moderation"],
    auth: "required",
    params: ZIdParamsSchema,
    body: ZSetRoleBodySchema,
    bodyExample: { role: "moderator", reason: "Joins the moderation team." },
    response: ZUserRoleSchema,
    errors: ["forbidden", "not_found"],
  },
  async ({ params, body, viewer }) => {
    requireAdmin(viewer);
    return setModeratorRole(viewer, params.id, body);
  },
);
