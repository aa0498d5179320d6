import "server-only";
import { z } from "zod";
import { passwordResetToken } from "@/lib/auth/password-reset-token";
import { APP_NAME, publicUrl } from "../public-url";
import { renderLayout, type RenderedEmail } from "./layout";

// `seed`: the reset's random value; the token in the link is derived from it with AUTH_SECRET
// (lib/auth/password-reset-token.ts), so the outbox row that carries this data holds no token.
const ZDataSchema = z.object({ seed: z.string().min(1) });

export function passwordResetEmail(data: Record<string, string>): RenderedEmail {
  const { seed } = ZDataSchema.parse(data);
  const url = `${publicUrl()}/reset-password?${new URLSearchParams({ token: passwordResetToken(seed) })}`;
  return renderLayout({
    subject: `Reset your ${APP_NAME} password`,
    paragraphs: [
      `Someone (hopefully you) asked to reset the password of your ${APP_NAME} account.`,
      "The link below works once, for one hour. Setting a new password signs you out everywhere.",
    ],
    action: { label: "Choose a new password", url },
    footnote: "If you didn't ask for this, ignore this email: your password stays as it is.",
  });
}
