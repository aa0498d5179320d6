import "server-only";
import { db } from "@/lib/db";
import { IDEMPOTENCY_KEY_TTL_MS } from "./with-idempotency-key";

/**
 * Deletes Idempotency-Keys older than a day (they answer nothing any more), one bounded batch
 * per call, oldest first (down the createdAt index).
 */
export async function deleteExpiredIdempotencyKeys({
  batchSize = 1000,
}: { batchSize?: number } = {}): Promise<{ deleted: number }> {
  const cutoff = new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS);
  const doomed = await db.idempotencyKey.findMany({
    where: { createdAt: { lt: cutoff } },
    orderBy: { createdAt: "asc" },
    take: batchSize,
    select: { id: true },
  });
  if (doomed.length === 0) return { deleted: 0 };
  const { count } = await db.idempotencyKey.deleteMany({
    where: { id: { in: doomed.map((k) => k.id) } },
  });
  return { deleted: count };
}
