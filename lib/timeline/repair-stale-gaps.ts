import "server-only";
import { db } from "@/lib/db";
import { backfillFollow } from "./backfill-follow";
import { closeGap } from "./close-gap";
import { fanOutBatch } from "./fan-out-batch";
import { startFanOut } from "./start-fan-out";
import type { TFollowerCursor } from "./timeline.types";

/**
 * Does again the work behind gaps older than `olderThan`, whose event was lost or failed for
 * good (or a row written by something that publishes none): until then every reader of that
 * account reads it on the fly, correct but slower. The fan-out and the backfill are idempotent,
 * so racing a late worker is harmless. Answers how many gaps it handled (at most `limit`).
 */
export async function repairStaleGaps({
  olderThan,
  limit,
  maxFollowers,
  cap,
  batchSize,
}: {
  olderThan: Date;
  limit: number;
  maxFollowers: number;
  cap: number;
  batchSize: number;
}): Promise<{ repaired: number }> {
  const gaps = await db.timelineGap.findMany({
    where: { kind: { in: ["post", "repost", "follow"] }, createdAt: { lt: olderThan } },
    orderBy: { id: "asc" },
    take: limit,
    select: { kind: true, sourceId: true, followerId: true, postId: true },
  });
  for (const gap of gaps) {
    if (gap.kind === "follow" && gap.followerId) {
      await backfillFollow({ followerId: gap.followerId, followingId: gap.sourceId, cap });
      continue;
    }
    if (!gap.postId) continue;
    const entry = {
      kind: gap.kind as "post" | "repost",
      postId: gap.postId,
      sourceId: gap.sourceId,
    };
    const started = await startFanOut(entry, maxFollowers);
    let after: TFollowerCursor | null = null;
    while (started.fanOut) {
      after = (await fanOutBatch({ entry, after, batchSize })).next;
      if (!after) break;
    }
    await closeGap(entry, started.gapId);
  }
  return { repaired: gaps.length };
}
