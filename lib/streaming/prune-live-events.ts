import "server-only";
import { db } from "@/lib/db";
import { REPLAY_WINDOW_MS } from "./replay-live-events";

// Well past the replay window, so no client that could still replay an event finds it gone.
const KEEP_MS = 2 * REPLAY_WINDOW_MS;

/** Deletes live events too old to replay (hourly clean-up). Answers how many went. */
export async function pruneLiveEvents(): Promise<{ deleted: number }> {
  const { count } = await db.liveEvent.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } },
  });
  return { deleted: count };
}
