import "server-only";
import { z } from "zod";
import { emailVerificationToken } from "@/lib/auth/email-verification-token";
import { APP_NAME, publicUrl } from "../public-url";
import { renderLayout, type RenderedEmail } from "./layout";

// `seed` as in verify-email.ts; `email` is the new address, this mail's recipient.
const ZDataSchema = z.object({ seed: z.string().min(1), email: z.string().min(1) });

/** Mailed to the new address of an email change: the account switches only once it is followed. */
export function confirmEmailChangeEmail(data: Record<string, string>): RenderedEmail {
  const { seed, email } = ZDataSchema.parse(data);
  const url = `${publicUrl()}/verify-email?${new URLSearchParams({ token: emailVerificationToken(seed) })}`;
  return renderLayout({
    subject: `Confirm your new email address for ${APP_NAME}`,
    paragraphs: [
      `Someone (hopefully you) asked to use ${email} for their ${APP_NAME} account from now on.`,
      "The address changes when you open the link below. It works once, for 24 hours.",
    ],
    action: { label: "Use this email address", url },
    footnote: "If you didn't ask for this, ignore this email: the account keeps its old address.",
  });
}
