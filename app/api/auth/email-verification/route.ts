import { route } from "@/lib/api/route";
import { ZEmailVerificationSentSchema } from "@/lib/auth/auth.types";
import { resendEmailVerification } from "@/lib/auth/resend-email-verification";

// POST /api/auth/email-verification – mail a new link to confirm your address
export const POST = route(
  {
    method: "POST",
    path: "/api/auth/email-verification",
    operationId: "resendEmailVerification",
    summary: "Mail a new link to confirm your email address",
    description:
      "Mails the account's address a link to `/verify-email?token=` that works once, for 24 hours; earlier links stop working. Sign-up sends the first one. 409 `already_verified` once confirmed; 3 per hour per account (429); 503 `mail_unavailable` when the server has no way to send mail.",
    tags: ["Auth"],
    auth: "required",
    response: ZEmailVerificationSentSchema,
    status: 202,
    errors: ["already_verified", "mail_unavailable"],
  },
  async ({ viewer }) => {
    const { email } = await resendEmailVerification(viewer.userId);
    return { message: `A new link is on its way to ${email}. It works for 24 hours.`, email };
  },
);
