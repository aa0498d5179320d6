import "server-only";
import { z } from "zod";
import { APP_NAME, publicUrl } from "../public-url";
import { renderLayout, type RenderedEmail } from "./layout";

const ZDataSchema = z.object({ newEmail: z.string().min(1) });

/**
 * Mailed to the old address when an email change is asked for: whoever took over the account
 * (it needs the password) can't move it to their own address without its owner hearing of it.
 */
export function emailChangeRequestedEmail(data: Record<string, string>): RenderedEmail {
  const { newEmail } = ZDataSchema.parse(data);
  return renderLayout({
    subject: `Your ${APP_NAME} email address is about to change`,
    paragraphs: [
      `Someone signed in to your ${APP_NAME} account asked to change its email address to ${newEmail}. It changes once that address confirms it.`,
      "If this was you, there is nothing to do here. If it wasn't, change your password now: that signs everyone else out, and ignore any link sent to the new address.",
    ],
    action: { label: "Change my password", url: `${publicUrl()}/forgot-password` },
  });
}
