import { route } from "@/lib/api/route";
import { ZSessionParamsSchema } from "@/lib/account/account.types";
import { signOutSession } from "@/lib/account/sign-out-session";

// DELETE /api/users/me/sessions/{id} – sign out one of your sessions
export const DELETE = route(
  {
    method: "DELETE",
    path: "/api/users/me/sessions/{id}",
    operationId: "revokeSession",
    summary: "Sign out a session",
    description:
      "Revokes one of your sessions or API tokens at once. Revoking the current one signs you out.",
    tags: ["Account"],
    auth: "required",
    params: ZSessionParamsSchema,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => signOutSession(viewer.userId, params.id),
);
