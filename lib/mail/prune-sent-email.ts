import "server-only";
import { db } from "@/lib/db";

// Well past the week after which a delivered event leaves the outbox (prune-sent-events.ts):
// nothing can run the same mail's step again after that.
const KEEP_DAYS = 30;

/** Forgets the dedupe records of mail finished (sent or given up) over 30 days ago. */
export async function pruneSentEmail(): Promise<{ deleted: number }> {
  const { count } = await db.sentEmail.deleteMany({
    where: {
      status: { not: "sending" },
      claimedAt: { lt: new Date(Date.now() - KEEP_DAYS * 24 * 60 * 60_000) },
    },
  });
  return { deleted: count };
}
