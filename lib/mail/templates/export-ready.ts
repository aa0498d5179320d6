import "server-only";
import { z } from "zod";
import { APP_NAME, publicUrl } from "../public-url";
import { renderLayout, type RenderedEmail } from "./layout";

const ZDataSchema = z.object({ exportId: z.string().min(1) });

/**
 * The archive a user asked for is built. Account mail: it answers their own request, so it has
 * no kind to switch off (and no List-Unsubscribe). The link is to the account settings, where a
 * signed-in user downloads it: the mail itself never carries a download link.
 */
export function exportReadyEmail(data: Record<string, string>): RenderedEmail {
  ZDataSchema.parse(data);
  return renderLayout({
    subject: `Your ${APP_NAME} data export is ready`,
    paragraphs: [
      `The archive of your ${APP_NAME} data you asked for is ready: your profile, posts, comments, follows, payments and media, in one zip file.`,
      "Sign in and download it from your account settings.",
    ],
    action: { label: "Download your archive", url: `${publicUrl()}/settings/account` },
    footnote: "If you didn't ask for this, change your password: someone else may be signed in.",
  });
}
