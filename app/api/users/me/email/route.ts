import { route } from "@/lib/api/route";
import { ZChangeEmailBodySchema, ZEmailChangeAcceptedSchema } from "@/lib/account/account.types";
import { requestEmailChange } from "@/lib/account/request-email-change";

// POST /api/users/me/email – change your email address (after confirming the new one)
export const POST = route(
  {
    method: "POST",
    path: "/api/users/me/email",
    operationId: "changeEmail",
    summary: "Change your email address",
    description:
      "Checks the password (or, for an account without one, the username typed out as `confirm`), mails the new address a link that works once, for 24 hours, and tells the current address. The account's email changes only when the link is followed (`/verify-email?token=` or `POST /api/auth/email-verification/confirm`), and is then confirmed. 409 `conflict` when another account uses the address; 5 requests per hour per account (429); 503 `mail_unavailable` when the server has no way to send mail.",
    tags: ["Account"],
    auth: "required",
    rateLimit: "auth",
    body: ZChangeEmailBodySchema,
    bodyExample: { email: "ada@new.example.com", password: "correct-horse-battery" },
    response: ZEmailChangeAcceptedSchema,
    status: 202,
    errors: ["forbidden", "unprocessable", "conflict", "mail_unavailable"],
  },
  async ({ body, viewer }) => {
    await requestEmailChange(viewer.userId, body);
    return {
      message: `A link is on its way to ${body.email}. Your address changes when you open it.`,
      pendingEmail: body.email,
    };
  },
);
