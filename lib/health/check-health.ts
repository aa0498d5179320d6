import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/config";
import { db } from "@/lib/db";
import { getEventsStatus } from "@/lib/events/get-events-status";
import { mediaStorage } from "@/lib/media/storage";
import { mailMode } from "@/lib/mail/mail-mode";
import { checkMail } from "./check-mail";
import { checkPayPal } from "./check-paypal";
import { timed, type Check } from "./timed";

async function pingRedis(url: string) {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
  });
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

// The outbox lives in the database, so this fails with it; the dispatcher delivering it is this
// process's (or Inngest's, by mode).
async function checkEvents() {
  const status = await getEventsStatus();
  return {
    mode: status.mode,
    pending: status.outbox.pending,
    failing: status.outbox.failing,
    oldestPendingAgeSeconds: status.outbox.oldestPendingAgeSeconds,
    dispatcherRunning: status.process.dispatcher.running,
  };
}

/**
 * Every dependency's state, checked in parallel. The database is required ("down" when it is);
 * the others only degrade the service: posts still load while uploads or payments fail.
 */
export async function checkHealth() {
  const { REDIS_URL, DATABASE_URL } = env();
  const probes: Record<string, Promise<Check>> = {
    database: timed(() => db.$queryRaw`SELECT 1`),
    storage: timed(() => mediaStorage().health()),
    events: timed(checkEvents),
  };
  if (REDIS_URL) probes.redis = timed(() => pingRedis(REDIS_URL));
  const paypal = checkPayPal();
  if (paypal) probes.paypal = paypal;
  const mail = checkMail();
  if (mail) probes.mail = mail;

  const names = Object.keys(probes);
  const results = await Promise.all(Object.values(probes));
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i]!]));
  const failing = names.filter((name) => checks[name]!.status === "down");
  return {
    status: failing.includes("database")
      ? ("down" as const)
      : failing.length
        ? ("degraded" as const)
        : ("ok" as const),
    database: DATABASE_URL && !process.env.GROVER_EMBEDDED_DATABASE ? "postgresql" : "embedded",
    /** How mail leaves: "smtp", "file" (DATA_DIR/mail, for /dev/mail) or "off" (production without SMTP_URL). */
    mail: mailMode(),
    failing,
    checks,
  };
}
