import "server-only";
import { redisClient } from "@/lib/api/rate-limit/limiter";
import { env } from "@/lib/config";
import { log } from "@/lib/log";
import { liveHub } from "./live-hub";
import { LIVE_CHANNEL, liveTransport } from "./live-transport";

/**
 * Tells every replica's hub about live events that have just committed. With Redis this is the
 * only announcement; a lost one (Redis down) costs live delivery, never the event itself, which
 * a reconnecting client replays from the table. Never throws: the write it follows has succeeded.
 */
export async function announceLiveEvents(ids: string[]): Promise<void> {
  if (liveTransport() === "redis") {
    try {
      for (let start = 0; start < ids.length; start += 1_000) {
        // The app's one Redis connection: publishing needs no connection of its own (subscribing
        // does: live-source.ts).
        await redisClient(env().REDIS_URL!).publish(
          LIVE_CHANNEL,
          ids.slice(start, start + 1_000).join(","),
        );
      }
    } catch (error) {
      log.warn("live events not announced", { error: String(error) });
    }
    return;
  }
  liveHub().nudge(ids);
}
