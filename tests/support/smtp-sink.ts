// A real SMTP server in the test's own process (smtp-server, the nodemailer project's), to point
// SMTP_URL at: it keeps every message it accepts, parsed by mailparser, and answers each
// message's end of DATA with whatever `reply` says (250 by default; 421 or 550 to test retries
// and giving up). `dir`: also write each accepted message there as <n>.eml, for a test in another
// process (Playwright's specs) to read.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  /** smtp://user:pass@127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  env: { SMTP_URL: string; MAIL_FROM: string };
  /** Every accepted message, in order. */
  messages: ParsedMail[];
  /** Every end-of-DATA answer given, in order (250, 421...). */
  replies: number[];
  /** The answer to the next message's DATA; change it between tests. */
  reply: (attempt: number) => number;
  stop: () => Promise<void>;
};

export const SMTP_USER = "grover";
export const SMTP_PASSWORD = "smtp-test-password";

export async function startSmtpSink(options: { dir?: string } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const replies: number[] = [];
  let attempts = 0;
  if (options.dir) mkdirSync(options.dir, { recursive: true });

  const sink = {} as SmtpSink;
  sink.reply = () => 250;
  const server = new SMTPServer({
    secure: false,
    // Plain SMTP on loopback: no certificate to make, and AUTH still exercised.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error("Invalid credentials"), { responseCode: 535 }));
      }
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        attempts += 1;
        const code = sink.reply(attempts);
        replies.push(code);
        if (code !== 250) {
          const text = code >= 500 ? "Mailbox unavailable" : "Try again later";
          callback(Object.assign(new Error(text), { responseCode: code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        if (options.dir) {
          // Written aside, then renamed: a reader never sees half a message.
          const file = path.join(options.dir, `${Date.now()}-${attempts}.eml`);
          writeFileSync(`${file}.part`, raw);
          renameSync(`${file}.part`, file);
        }
        simpleParser(raw).then(
          (parsed) => {
            messages.push(parsed);
            callback(null);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`;
  return Object.assign(sink, {
    url,
    env: { SMTP_URL: url, MAIL_FROM: "Grover <no-reply@grover.test>" },
    messages,
    replies,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The first http(s) link in a mail's text part. */
export function firstLink(mail: ParsedMail): string {
  const match = mail.text?.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in mail "${mail.subject}"`);
  return match[0];
}
