import "server-only";
import { env } from "@/lib/config";

/**
 * How a committed LiveEvent reaches every replica's hub:
 * - "redis": REDIS_URL is set; the writer publishes the row ids after commit.
 * - "notify": PostgreSQL NOTIFY in the writing transaction (delivered on commit), LISTEN in each hub.
 * - "poll": the embedded PGlite, one backend behind a socket server, delivers a NOTIFY only to the
 *   connection that sent it (checked: another connection's LISTEN never hears it), so each hub
 *   reads the table past the last id it saw, every 250 ms. Its transactions run one at a time,
 *   so ids commit in order there and "past the last id" misses nothing.
 */
export type LiveTransport = "redis" | "notify" | "poll";

export const LIVE_CHANNEL = "grover_live";

export function liveTransport(): LiveTransport {
  if (env().REDIS_URL) return "redis";
  if (process.env.GROVER_EMBEDDED_DATABASE) return "poll";
  return "notify";
}
