import "server-only";
import { redisClient, storeIsDown } from "@/lib/api/rate-limit/limiter";
import { env } from "@/lib/config";
import { log } from "@/lib/log";

// What every viewer would compute alike (explore's first page of ids, trending tags), kept for
// SHARED_CACHE_SECONDS: in Redis when REDIS_URL is set, so every replica shares one copy, else in
// this process's memory. Only data that is the same for everyone goes in: callers cache what
// they computed for no viewer in particular and apply the viewer's own blocks, mutes, purchases
// and state on every request (lib/posts/list-explore.ts, lib/discovery/list-trending-tags.ts).
//
// Values are JSON (Redis stores text), so they hold strings, numbers and arrays, never Dates.

type Entry = { expires: number; value: Promise<unknown> };

// On globalThis so that every route bundle of this process shares one map.
const store = globalThis as unknown as { __groverSharedCache?: Map<string, Entry> };

// Keys come from a handful of call sites with bounded parameters (a page limit); the sweep only
// keeps expired entries from piling up between reads of the same key.
const SWEEP_AT = 1_000;

function memory(): Map<string, Entry> {
  store.__groverSharedCache ??= new Map();
  return store.__groverSharedCache;
}

function sweep(entries: Map<string, Entry>, now: number): void {
  if (entries.size < SWEEP_AT) return;
  for (const [key, entry] of entries) if (entry.expires <= now) entries.delete(key);
}

/**
 * The value cached under `key`, or `compute()`'s, cached for SHARED_CACHE_SECONDS (0: always
 * computed). In memory the pending promise itself is kept, so a burst of requests on a cold key
 * computes it once. With Redis, a Redis failure is logged and the value computed: the cache may
 * slow a request down, never fail it.
 */
export async function sharedCache<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const { SHARED_CACHE_SECONDS: seconds, REDIS_URL: url } = env();
  if (seconds <= 0) return compute();
  if (url) return viaRedis(url, key, seconds, compute);

  const entries = memory();
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  sweep(entries, now);
  const value = compute();
  entries.set(key, { expires: now + seconds * 1000, value });
  // A failure isn't kept: the next request computes again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

async function viaRedis<T>(
  url: string,
  key: string,
  seconds: number,
  compute: () => Promise<T>,
): Promise<T> {
  const redisKey = `grover:cache:${key}`;
  const redis = redisClient(url);
  if (!storeIsDown()) {
    try {
      const cached = await redis.get(redisKey);
      if (cached !== null) return JSON.parse(cached) as T;
    } catch (error) {
      log.warn("shared cache unavailable", { error: String(error) });
    }
  }
  const value = await compute();
  if (!storeIsDown()) {
    redis
      .set(redisKey, JSON.stringify(value), "EX", seconds)
      .catch((error: unknown) => log.warn("shared cache unavailable", { error: String(error) }));
  }
  return value;
}
