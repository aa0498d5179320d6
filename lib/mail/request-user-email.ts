import "server-only";
import type { Tx } from "@/lib/db";
import type { EmailTemplateName } from "./email-templates";
import { mailMode } from "./mail-mode";
import { requestEmail } from "./request-email";
import { templateEmailKind } from "./template-kinds";
import { wantsEmail } from "./wants-email";

type UserEmailRequest = {
  userId: string;
  template: EmailTemplateName;
  data: Record<string, string>;
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
  await requestEmail(tx, {
    to,
    template: request.template,
    data: { ...request.data, userId: request.userId },
    dedupeKey: request.dedupeKey,
  });
  return true;
}
