import { route } from "@/lib/api/route";
import {
  PASSWORD_RESET_ACCEPTED,
  ZPasswordResetAcceptedSchema,
  ZPasswordResetRequestBodySchema,
} from "@/lib/auth/auth.types";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";

// POST /api/auth/password-reset – mail a password reset link
export const POST = route(
  {
    method: "POST",
    path: "/api/auth/password-reset",
    operationId: "requestPasswordReset",
    summary: "Mail a password reset link",
    description:
      "Answers 202 whether or not the address has an account (the same answer either way), and mails a link to `/reset-password?token=` when it does. The link works once, for 1 hour. Rate limited per client address and per email. 503 `mail_unavailable` when the server has no way to send mail.",
    tags: ["Auth"],
    auth: "none",
    rateLimit: "auth",
    body: ZPasswordResetRequestBodySchema,
    bodyExample: { email: "ada@example.com" },
    response: ZPasswordResetAcceptedSchema,
    status: 202,
    errors: ["mail_unavailable"],
  },
  async ({ body, ip }) => {
    await requestPasswordReset(body, ip);
    return { message: PASSWORD_RESET_ACCEPTED };
  },
);
