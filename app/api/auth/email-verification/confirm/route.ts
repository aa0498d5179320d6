import { route } from "@/lib/api/route";
import { ZEmailVerificationConfirmBodySchema, ZEmailVerifiedSchema } from "@/lib/auth/auth.types";
import { confirmEmailVerification } from "@/lib/auth/confirm-email-verification";

// POST /api/auth/email-verification/confirm – follow a link from a confirmation mail
export const POST = route(
  {
    method: "POST",
    path: "/api/auth/email-verification/confirm",
    operationId: "confirmEmailVerification",
    summary: "Confirm an email address with a mailed token",
    description:
      "The API form of opening `/verify-email?token=`: the token from a sign-up (or resent) mail confirms the account's address; one from an email change switches the account to the new address and confirms it. Works once. An unknown, used or expired token answers 400 `invalid_verification_token` with `details.reason`; 409 `conflict` when another account took the new address meanwhile.",
    tags: ["Auth"],
    auth: "none",
    rateLimit: "auth",
    body: ZEmailVerificationConfirmBodySchema,
    bodyExample: { token: "dmVyaWZ5LWVtYWlsLXRva2VuLWV4YW1wbGU" },
    response: ZEmailVerifiedSchema,
    errors: ["invalid_verification_token", "conflict"],
  },
  async ({ body }) => confirmEmailVerification(body.token),
);
