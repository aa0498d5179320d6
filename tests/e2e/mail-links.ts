// Links from mail the app sent during an e2e run: the Playwright global setup runs a real SMTP
// server that writes each accepted message to TEST_MAIL_DIR (tests/support/smtp-sink.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { poll } from "../support/poll";

/** Every link to `pathname` (e.g. "/verify-email") in mail to `email`, oldest mail first. */
async function linksTo(email: string, pathname: string): Promise<string[]> {
  const dir = process.env.TEST_MAIL_DIR;
  if (!dir) throw new Error("TEST_MAIL_DIR is unset: run against the global setup's server");
  const pattern = new RegExp(`https?://\\S+${pathname}\\?\\S+`);
  const links: string[] = [];
  // Named <ms>-<n>.eml: sorted by the number after the dash, they are in the order received.
  const order = (name: string) => Number(name.split("-")[1]?.split(".")[0]);
  const names = readdirSync(dir).filter((file) => file.endsWith(".eml"));
  for (const name of names.sort((a, b) => order(a) - order(b))) {
    const mail = await simpleParser(readFileSync(path.join(dir, name)));
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : "";
    const link = mail.text?.match(pattern)?.[0];
    if (to === email && link) links.push(link);
  }
  return links;
}

/** The newest link to `pathname` mailed to `email`, once there are more than `seen`. */
export function mailedLink(email: string, pathname: string, seen = 0): Promise<string> {
  return poll(async () => (await linksTo(email, pathname)).slice(seen).at(-1), {
    timeoutMs: 15_000,
    what: `a ${pathname} link mailed to ${email}`,
  });
}
