import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/config";
import { log } from "@/lib/log";
import { ApiError } from "../errors";

export type Limiter = RateLimiterMemory | RateLimiterRedis;

export type LimiterOptions = {
  /** Names the counters; one limiter per name. */
  name: string;
  points: number;
  /** Seconds a count lives after its first point. */
  duration: number;
  /** Seconds a key stays refused once it goes over `points` (default: the rest of `duration`). */
  blockDuration?: number;
};

// One set of limiters per process, shared by every route bundle through globalThis.
const cache = globalThis as unknown as {
  __groverLimiters?: Map<string, Limiter>;
  __groverLimiterRedis?: Redis;
};

// Commands wait while the client first connects (the offline queue), so the first requests after
// boot are counted too; a command that gets no answer within a second fails (commandTimeout), and
// so does one issued while the connection is known to be down (storeIsDown). The shared cache
// (lib/cache/shared-cache.ts) uses the same client.
export function redisClient(url: string): Redis {
  if (!cache.__groverLimiterRedis) {
    const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
    redis.on("error", (error: unknown) =>
      log.warn("Redis error (rate limits, shared cache)", { error }),
    );
    cache.__groverLimiterRedis = redis;
  }
  return cache.__groverLimiterRedis;
}

export function storeIsDown(): boolean {
  const status = cache.__groverLimiterRedis?.status;
  return status === "reconnecting" || status === "close" || status === "end";
}

/**
 * A rate-limiter-flexible limiter: in this process's memory, or in Redis when REDIS_URL is set so
 * that every replica shares the counts.
 */
export function limiter({ name, points, duration, blockDuration = 0 }: LimiterOptions): Limiter {
  cache.__groverLimiters ??= new Map();
  const existing = cache.__groverLimiters.get(name);
  if (existing) return existing;
  const url = env().REDIS_URL;
  const options = { keyPrefix: `grover:rl:${name}`, points, duration, blockDuration };
  let created: Limiter;
  if (url) {
    created = new RateLimiterRedis({ ...options, storeClient: redisClient(url) });
  } else {
    created = new RateLimiterMemory(options);
  }
  cache.__groverLimiters.set(name, created);
  return created;
}

export function tooMany(msBeforeNext: number): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ApiError("rate_limited", "Too many requests. Try again later.", {
    headers: { "Retry-After": String(seconds) },
    details: { retryAfterSeconds: seconds },
  });
}

/** A limiter outage must not take the API down with it: log and let the request through. */
export async function safely<T>(operation: () => Promise<T>): Promise<T | undefined> {
  if (env().RATE_LIMIT_DISABLED) return undefined;
  try {
    if (storeIsDown()) throw new Error("Redis is unreachable");
    return await operation();
  } catch (error) {
    log.warn("rate limiter unavailable", { error });
    return undefined;
  }
}

/**
 * Counts one point against `key` and throws 429 with Retry-After when it is over the limit.
 * rate-limiter-flexible rejects with a RateLimiterRes when limited and with an Error when its
 * store fails; only the first is a refusal.
 */
export async function consumeOrRefuse(target: Limiter, key: string) {
  const refused = await safely(() =>
    target.consume(key).then(
      () => undefined,
      (reason: unknown) => {
        if (reason instanceof RateLimiterRes) return reason;
        throw reason;
      },
    ),
  );
  if (refused) throw tooMany(refused.msBeforeNext);
}
