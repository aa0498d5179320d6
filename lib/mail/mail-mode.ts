import "server-only";
import { env } from "@/lib/config";

/**
 * How mail leaves this server: over SMTP (SMTP_URL), into DATA_DIR/mail as .eml files for
 * /dev/mail (outside production without SMTP_URL), or not at all (production without SMTP_URL,
 * where a file nobody reads would be mail that silently never arrives).
 */
export type MailMode = "smtp" | "file" | "off";

export function mailMode(): MailMode {
  const { SMTP_URL, NODE_ENV } = env();
  if (SMTP_URL) return "smtp";
  return NODE_ENV === "production" ? "off" : "file";
}
