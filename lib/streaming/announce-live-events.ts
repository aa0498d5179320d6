import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/config";
import { log } from "@/lib/log";
import { liveHub } from "./live-hub";
import { LIVE_CHANNEL, liveTransport } from "./live-transport";

const KEY = Symbol.for("grover.livePublisher");

function publisher(url: string): Redis {
  const store = globalThis as { [KEY]?: Redis };
  if (!store[KEY]) {
    const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
    redis.on("error", (error: unknown) => log.warn("live Redis error", { error: String(error) }));
    store[KEY] = redis;
  }
  return store[KEY];
}

/**
 * Tells every replica's hub about live events that have just committed. With Redis this is the
 * only announcement; a lost one (Redis down) costs live delivery, never the event itself, which
 * a reconnecting client replays from the table. Never throws: the write it follows has succeeded.
 */
export async function announceLiveEvents(ids: string[]): Promise<void> {
  if (liveTransport() === "redis") {
    try {
      for (let start = 0; start < ids.length; start += 1_000) {
        await publisher(env().REDIS_URL!).publish(
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
