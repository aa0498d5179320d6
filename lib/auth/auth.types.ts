import { z } from "zod";
import { ZEmailSchema, ZPasswordSchema } from "@/lib/users/users.types";

export const ZPasswordResetRequestBodySchema = z
  .object({ email: ZEmailSchema })
  .meta({ id: "PasswordResetRequest" });
export type TPasswordResetRequestBody = z.infer<typeof ZPasswordResetRequestBodySchema>;

/** The answer to every reset request, whether or not the address has an account. */
export const PASSWORD_RESET_ACCEPTED =
  "If an account uses that address, a reset link is on its way. It works for 1 hour.";

export const ZPasswordResetAcceptedSchema = z
  .object({
    message: z.string().meta({ example: PASSWORD_RESET_ACCEPTED }),
  })
  .meta({ id: "PasswordResetAccepted" });

export const ZPasswordResetConfirmBodySchema = z
  .object({
    /** From the mail's link (`/reset-password?token=`). */
    token: z.string().min(1).max(200),
    /** The same policy as sign-up. */
    password: ZPasswordSchema,
  })
  .meta({ id: "PasswordResetConfirm" });
export type TPasswordResetConfirmBody = z.infer<typeof ZPasswordResetConfirmBodySchema>;

export const ZEmailVerificationConfirmBodySchema = z
  .object({
    /** From the mail's link (`/verify-email?token=`). */
    token: z.string().min(1).max(200),
  })
  .meta({ id: "EmailVerificationConfirm" });
export type TEmailVerificationConfirmBody = z.infer<typeof ZEmailVerificationConfirmBodySchema>;

export const ZEmailVerifiedSchema = z
  .object({
    kind: z.enum(["verify", "change"]).meta({
      description:
        "`verify`: the account's address is confirmed; `change`: it was switched to `email`.",
    }),
    email: z.string().meta({ description: "The account's address now, confirmed." }),
  })
  .meta({ id: "EmailVerified" });

export const ZEmailVerificationSentSchema = z
  .object({
    message: z.string(),
    email: z.string().meta({ description: "Where the link went." }),
  })
  .meta({ id: "EmailVerificationSent" });
