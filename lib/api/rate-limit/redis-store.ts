import "server-only";
import { Redis } from "ioredis";
import type { RateLimitStore } from "./rate-limit-store";

/** Counters shared by every replica. INCR and EXPIRE run in one MULTI so a key never lives forever. */
export function createRedisStore(url: string): RateLimitStore {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  return {
    async hit(key, windowSeconds) {
      const name = `grover:rl:${key}`;
      const result = await redis
        .multi()
        .incr(name)
        .expire(name, windowSeconds, "NX")
        .ttl(name)
        .exec();
      if (!result) throw new Error("rate limit transaction aborted");
      const count = Number(result[0]?.[1] ?? 0);
      const ttl = Number(result[2]?.[1] ?? windowSeconds);
      return { count, resetInSeconds: ttl > 0 ? ttl : windowSeconds };
    },
    async peek(key) {
      const name = `grover:rl:${key}`;
      const [count, ttl] = await Promise.all([redis.get(name), redis.ttl(name)]);
      return { count: Number(count ?? 0), resetInSeconds: Math.max(ttl, 0) };
    },
  };
}
