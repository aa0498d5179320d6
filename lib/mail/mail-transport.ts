import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "@/lib/config";
import { mailMode } from "./mail-mode";

/** Where file mode writes mail, read by /dev/mail (lib/mail/list-dev-mail.ts). */
export function devMailDir(): string {
  return path.join(env().DATA_DIR, "mail");
}

const cache = globalThis as unknown as { __groverSmtp?: Transporter };

// One transport per process. Timeouts well under the events lease, so a server that accepts the
// connection and then says nothing fails the step (and it is retried) instead of hanging it.
function smtp(url: string): Transporter {
  cache.__groverSmtp ??= nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return cache.__groverSmtp;
}

/**
 * Sends one message: over SMTP, or (file mode) as nodemailer's own RFC 822 output into
 * DATA_DIR/mail/<time>-<random>.eml, with a JSON summary beside it for /dev/mail to list.
 */
export async function transportMail(message: Mail.Options, links: string[]): Promise<void> {
  const mode = mailMode();
  if (mode === "off") throw new Error("mail is off");
  if (mode === "smtp") {
    await smtp(env().SMTP_URL!).sendMail(message);
    return;
  }
  const info = await nodemailer
    .createTransport({ streamTransport: true, buffer: true, newline: "unix" })
    .sendMail(message);
  const dir = devMailDir();
  await mkdir(dir, { recursive: true });
  const name = `${Date.now()}-${randomBytes(4).toString("hex")}`;
  await writeFile(path.join(dir, `${name}.eml`), info.message as Buffer);
  const summary = {
    subject: message.subject,
    to: message.to,
    date: new Date().toISOString(),
    text: message.text,
    links,
  };
  await writeFile(path.join(dir, `${name}.json`), JSON.stringify(summary));
}

/** SMTP mode: connects and authenticates without sending (health checks). */
export async function verifySmtp(): Promise<void> {
  await smtp(env().SMTP_URL!).verify();
}
