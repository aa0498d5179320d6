import "server-only";
import { db } from "@/lib/db";

const KEEP_DAYS = 7;
const BATCH = 1_000;
const MAX_BATCHES = 20;

/** Removes events delivered over a week ago, a bounded batch at a time. Answers how many. */
export async function pruneSentEvents(): Promise<number> {
  let pruned = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const count = await db.$executeRaw`
      DELETE FROM "OutboxEvent" WHERE id IN (
        SELECT id FROM "OutboxEvent"
        WHERE "sentAt" IS NOT NULL
          AND "sentAt" < (now() AT TIME ZONE 'UTC') - make_interval(days => ${KEEP_DAYS}::int)
        ORDER BY "sentAt"
        LIMIT ${BATCH}::int
        FOR UPDATE SKIP LOCKED
      )`;
    pruned += count;
    if (count < BATCH) break;
  }
  return pruned;
}
