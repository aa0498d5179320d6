import "server-only";
import type { RateLimitStore } from "./rate-limit-store";

type Window = { count: number; resetAt: number };

/** One process's counters. Enough for a single replica; set REDIS_URL to share across replicas. */
export function createMemoryStore(maxKeys = 100_000): RateLimitStore {
  const windows = new Map<string, Window>();

  function sweep(now: number) {
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  }

  return {
    async hit(key, windowSeconds) {
      const now = Date.now();
      if (windows.size >= maxKeys) sweep(now);
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowSeconds * 1000 };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetInSeconds: Math.ceil((window.resetAt - now) / 1000) };
    },
    async peek(key) {
      const now = Date.now();
      const window = windows.get(key);
      if (!window || window.resetAt <= now) return { count: 0, resetInSeconds: 0 };
      return { count: window.count, resetInSeconds: Math.ceil((window.resetAt - now) / 1000) };
    },
  };
}
