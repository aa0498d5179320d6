import "server-only";
import { createHash } from "node:crypto";
import type Mail from "nodemailer/lib/mailer";
import { env } from "@/lib/config";
import { APP_NAME } from "./public-url";
import type { TEmailRequest } from "./request-email";
import type { RenderedEmail } from "./templates/layout";

/** The nodemailer message for a requested mail, as rendered from its template. */
export function buildMessage(request: TEmailRequest, rendered: RenderedEmail): Mail.Options {
  return {
    from: env().MAIL_FROM ?? `${APP_NAME} <no-reply@localhost>`,
    to: request.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    // The same Message-ID for every attempt at this mail, so a receiving server or client that
    // saw it before can tell (a crash between sending and recording it).
    messageId: `<${createHash("sha256").update(request.dedupeKey).digest("hex").slice(0, 32)}@grover>`,
    // Notification mail: List-Unsubscribe, which mail clients show as their own button, and
    // List-Unsubscribe-Post (RFC 8058): the button POSTs to that address, which switches the
    // kind off with no sign-in (lib/mail/unsubscribe-token.ts).
    ...(rendered.unsubscribeUrl
      ? {
          list: { unsubscribe: rendered.unsubscribeUrl },
          headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        }
      : {}),
  };
}
