import { route } from "@/lib/api/route";
import { ZChangePasswordBodySchema } from "@/lib/account/account.types";
import { changePassword } from "@/lib/account/change-password";

// PUT /api/users/me/password – change your password
export const PUT = route(
  {
    method: "PUT",
    path: "/api/users/me/password",
    operationId: "changePassword",
    summary: "Change your password",
    description:
      "Checks the current password, sets the new one (same rules as registration) and signs out every other session. Accounts that sign in only with OAuth have no password: 422.",
    tags: ["Account"],
    auth: "required",
    rateLimit: "auth",
    body: ZChangePasswordBodySchema,
    bodyExample: { currentPassword: "correct-horse-battery", newPassword: "staple-lantern-orbit" },
    errors: ["forbidden", "unprocessable"],
  },
  async ({ body, viewer }) => changePassword(viewer.userId, viewer.sessionId, body),
);
