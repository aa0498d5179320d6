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
    cache.__groverLimiterRedis ??= new Redis(url, {
      maxRetriesPerRequest: 1,
      // Fail at once while Redis is down (see safely) instead of queueing requests behind it.
      enableOfflineQueue: false,
    });
    created = new RateLimiterRedis({
      ...options,
      storeClient: cache.__groverLimiterRedis,
      rejectIfRedisNotReady: true,
    });
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
