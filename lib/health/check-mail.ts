import "server-only";
import { mailMode } from "@/lib/mail/mail-mode";
import { verifySmtp } from "@/lib/mail/mail-transport";
import { timed, type Check } from "./timed";

// An SMTP login per health poll would look like abuse to a mail provider: once a minute is plenty.
const CACHE_MS = 60_000;
let last: { at: number; check: Promise<Check> } | undefined;

/** The SMTP server's state in SMTP mode (null otherwise: files and "off" have nothing to reach). */
export function checkMail(): Promise<Check> | null {
  if (mailMode() !== "smtp") return null;
  if (!last || Date.now() - last.at > CACHE_MS) {
    last = { at: Date.now(), check: timed(verifySmtp) };
  }
  return last.check;
}
