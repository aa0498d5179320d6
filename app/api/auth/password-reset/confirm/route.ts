import { route } from "@/lib/api/route";
import { ZPasswordResetConfirmBodySchema } from "@/lib/auth/auth.types";
import { confirmPasswordReset } from "@/lib/auth/confirm-password-reset";

// POST /api/auth/password-reset/confirm – set a new password with a reset token
export const POST = route(
  {
    method: "POST",
    path: "/api/auth/password-reset/confirm",
    operationId: "confirmPasswordReset",
    summary: "Set a new password with a reset token",
    description:
      "Sets the account's password (the sign-up policy applies), spends the token, and revokes every session and API token of the account: sign in again afterwards. An unknown, used or expired token answers 400 `invalid_reset_token` with `details.reason`.",
    tags: ["Auth"],
    auth: "none",
    rateLimit: "auth",
    body: ZPasswordResetConfirmBodySchema,
    bodyExample: {
      token: "Zm9yZ290LXBhc3N3b3JkLXRva2VuLWV4YW1wbGU",
      password: "new-horse-battery-9",
    },
    errors: ["invalid_reset_token"],
  },
  async ({ body }) => {
    await confirmPasswordReset(body);
  },
);
