import "server-only";
import { z } from "zod";
import { emailVerificationToken } from "@/lib/auth/email-verification-token";
import { APP_NAME, publicUrl } from "../public-url";
import { renderLayout, type RenderedEmail } from "./layout";

// `seed`: the token in the link is derived from it (lib/auth/email-verification-token.ts), so
// the outbox row holding this data holds no working link.
const ZDataSchema = z.object({ seed: z.string().min(1) });

/** The link that confirms the address of a new account (lib/auth/create-email-verification.ts). */
export function verifyEmailEmail(data: Record<string, string>): RenderedEmail {
  const { seed } = ZDataSchema.parse(data);
  const url = `${publicUrl()}/verify-email?${new URLSearchParams({ token: emailVerificationToken(seed) })}`;
  return renderLayout({
    subject: `Confirm your email address for ${APP_NAME}`,
    paragraphs: [
      `Welcome to ${APP_NAME}! Confirm that this address is yours, so we can reach you about your account and your payouts.`,
      "The link below works once, for 24 hours.",
    ],
    action: { label: "Confirm my email address", url },
    footnote: `If you didn't sign up for ${APP_NAME}, ignore this email: nothing happens without the link.`,
  });
}
