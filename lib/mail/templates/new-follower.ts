import "server-only";
import { z } from "zod";
import { publicUrl } from "../public-url";
import { kindFooter } from "./kind-footer";
import { renderLayout, type RenderedEmail } from "./layout";

const ZDataSchema = z.object({
  userId: z.string().min(1),
  followerName: z.string().min(1),
  followerUsername: z.string().min(1),
});

/** Social mail, off by default: someone followed the reader. */
export function newFollowerEmail(data: Record<string, string>): RenderedEmail {
  const d = ZDataSchema.parse(data);
  return renderLayout({
    subject: `${d.followerName} (@${d.followerUsername}) followed you`,
    paragraphs: [`${d.followerName} (@${d.followerUsername}) started following you.`],
    action: {
      label: `See @${d.followerUsername}'s profile`,
      url: `${publicUrl()}/u/${encodeURIComponent(d.followerUsername)}`,
    },
    ...kindFooter(d.userId, "new_follower"),
  });
}
