import "server-only";
import { db } from "@/lib/db";

export type ClaimedEvent = {
  id: string;
  name: string;
  payload: unknown;
  /** Including this one. */
  attempts: number;
  /** Finished steps of in-process runs, by "<function id>:<step id>". */
  steps: Record<string, unknown>;
  createdAt: Date;
};

/**
 * Claims up to `limit` unsent events that are due, oldest first, for `leaseMs`: one statement,
 * so the row locks last only as long as it runs (the embedded database has one connection for
 * everything). SKIP LOCKED lets replicas claim side by side without waiting on each other, and
 * the lease (availableAt moved ahead) keeps the rows theirs after it commits; a replica that dies
 * holding some lets the lease run out, and then anyone claims them again.
 *
 * Times are the database's, in UTC as Prisma stores them, so replicas' clocks don't matter.
 */
export async function claimDueEvents(limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
  const rows = await db.$queryRaw<ClaimedEvent[]>`
    UPDATE "OutboxEvent" AS o
    SET "availableAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8),
        "attempts" = o."attempts" + 1
    FROM (
      SELECT id FROM "OutboxEvent"
      WHERE "sentAt" IS NULL AND "availableAt" <= (now() AT TIME ZONE 'UTC')
      ORDER BY "availableAt", id
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE o.id = due.id
    RETURNING o.id, o.name, o.payload, o.attempts, o.steps, o."createdAt"`;
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
