import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { mailMode } from "./mail-mode";
import { buildMessage } from "./build-message";
import { renderEmail } from "./render-email";
import type { TEmailRequest } from "./request-email";
import { transportMail } from "./mail-transport";
import { templateEmailKind } from "./template-kinds";
import { wantsEmail } from "./wants-email";

/**
 * How long a "sending" claim holds off other runs of the same mail. Longer than any SMTP
 * exchange (mail-transport.ts's timeouts); a claim older than this was left by a crashed run,
 * and the mail is sent again: at least once beats never.
 */
const CLAIM_LEASE_MS = 5 * 60_000;

export type DeliveryOutcome = "sent" | "already_sent" | "given_up" | "mail_off" | "not_wanted";

/** A temporary failure: the step throws it and the events dispatcher retries with backoff. */
export class MailRetryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MailRetryError";
  }
}

// Takes the mail's key for this run: a new row, or a crashed run's stale claim. Nothing when the
// mail was sent (or given up), or another run is sending it right now.
async function claim(request: TEmailRequest): Promise<boolean> {
  const now = new Date();
  const stale = new Date(now.getTime() - CLAIM_LEASE_MS);
  const claimed = await db.$executeRaw`
    INSERT INTO "SentEmail" ("dedupeKey", "template", "status", "claimedAt")
    VALUES (${request.dedupeKey}, ${request.template}, 'sending', ${now})
    ON CONFLICT ("dedupeKey") DO UPDATE SET "claimedAt" = ${now}
    WHERE "SentEmail"."status" = 'sending' AND "SentEmail"."claimedAt" < ${stale}`;
  return claimed === 1;
}

/** An SMTP reply code from nodemailer's error (responseCode), when the server gave one. */
function replyCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? code : undefined;
}

/**
 * Sends a requested mail once per dedupe key. 4xx replies and connection errors throw
 * MailRetryError, so the step is retried with backoff; a 5xx reply is final: logged (the
 * template, the key and the code, never the address or the body, which may hold a link with a
 * token) and never retried.
 */
export async function deliverEmail(request: TEmailRequest): Promise<DeliveryOutcome> {
  const { template, dedupeKey } = request;
  if (mailMode() === "off") {
    log.warn("mail is off (no SMTP_URL): not sent", { template, dedupeKey });
    return "mail_off";
  }
  // Mail to a user (request-user-email.ts) is checked again as it leaves: they may have
  // switched its kind off, or their account may have gone, since it was asked for.
  const { userId } = request.data;
  if (userId && !(await wantsEmail(db, userId, templateEmailKind(template)))) {
    log.info("mail no longer wanted by its recipient: not sent", { template, dedupeKey });
    return "not_wanted";
  }
  // Rendered before the claim: a template that throws leaves no claim behind to wait out.
  const rendered = renderEmail(template, request.data);
  const links = [...rendered.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  if (!(await claim(request))) {
    const row = await db.sentEmail.findUnique({
      where: { dedupeKey },
      select: { status: true },
    });
    if (row?.status === "sending") {
      throw new MailRetryError("another run is sending this mail");
    }
    return "already_sent";
  }

  try {
    await transportMail(buildMessage(request, rendered), links);
  } catch (error) {
    const code = replyCode(error);
    if (code !== undefined && code >= 500 && code < 600) {
      await db.sentEmail.update({ where: { dedupeKey }, data: { status: "failed" } });
      log.error("mail refused for good by the SMTP server: not retried", {
        template,
        dedupeKey,
        smtpCode: code,
      });
      return "given_up";
    }
    // Let the retry claim it at once rather than wait out the lease.
    await db.sentEmail.deleteMany({ where: { dedupeKey, status: "sending" } });
    const reason = code ?? (error as { code?: unknown } | null)?.code ?? "connection failed";
    throw new MailRetryError(`SMTP delivery failed for now (${String(reason)}); will retry`);
  }
  await db.sentEmail.update({
    where: { dedupeKey },
    data: { status: "sent", sentAt: new Date() },
  });
  return "sent";
}
