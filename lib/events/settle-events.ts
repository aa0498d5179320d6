import "server-only";
import { db } from "@/lib/db";

/** Delivered: the events leave the backlog. */
export async function markEventsSent(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.outboxEvent.updateMany({
    where: { id: { in: ids }, sentAt: null },
    data: { sentAt: new Date(), lastError: null },
  });
}

/** Not delivered: try again after `delayMs`, keeping what went wrong for the status endpoint. */
export async function scheduleRetry(id: string, delayMs: number, error: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboxEvent"
    SET "availableAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${delayMs / 1000}::float8),
        "lastError" = ${error}
    WHERE id = ${id} AND "sentAt" IS NULL`;
}

/**
 * Records a finished in-process step's output on its event, and renews the event's lease, so a
 * long fan-out keeps its claim for as long as it makes progress.
 */
export async function recordStep(
  id: string,
  key: string,
  output: unknown,
  leaseMs: number,
): Promise<void> {
  const entry = JSON.stringify({ [key]: output ?? null });
  await db.$executeRaw`
    UPDATE "OutboxEvent"
    SET "steps" = "steps" || ${entry}::jsonb,
        "availableAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8)
    WHERE id = ${id} AND "sentAt" IS NULL`;
}
