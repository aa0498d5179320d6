import "server-only";
import type { Tx } from "@/lib/db";
import type { EmailTemplateName } from "./email-templates";
import { mailMode } from "./mail-mode";
import { requestEmail } from "./request-email";
import { templateEmailKind } from "./template-kinds";
import { wantsEmail } from "./wants-email";

type TemplateData = Record<string, string>;

type UserEmailRequest = {
  userId: string;
  template: EmailTemplateName;
  /**
   * What the template needs; or a function that reads it, run only when the mail is wanted (a
   * follow reads the follower's name only for the few who switched that mail on). Null from it:
   * nothing to say after all.
   */
  data: TemplateData | (() => Promise<TemplateData | null>);
  dedupeKey: string;
};

/**
 * Asks for a mail to a user (not to an address), in the cause's transaction: only when
 * wantsEmail says they are to be mailed this template's kind, to their address as it is now.
 * The user's id goes into the data, so the mail can carry its unsubscribe link and delivery can
 * ask wantsEmail again (they may have switched the kind off, or gone, in between). Answers
 * whether a mail was requested.
 */
export async function requestUserEmail(tx: Tx, request: UserEmailRequest): Promise<boolean> {
  // No mail can leave this server: nothing to queue.
  if (mailMode() === "off") return false;
  const to = await wantsEmail(tx, request.userId, templateEmailKind(request.template));
  if (!to) return false;
  const data = typeof request.data === "function" ? await request.data() : request.data;
  if (!data) return false;
  await requestEmail(tx, {
    to,
    template: request.template,
    data: { ...data, userId: request.userId },
    dedupeKey: request.dedupeKey,
  });
  return true;
}
