import "server-only";
import { env } from "@/lib/config";
import { log } from "@/lib/log";
import { ApiError } from "../errors";
import { createMemoryStore } from "./memory-store";
import { createRedisStore } from "./redis-store";
import type { RateLimitStore } from "./rate-limit-store";

/**
 * The limits the wrapper applies. `auth` guards sign-in and sign-up per IP (password guessing,
 * account spam); `write` guards every change per user and per IP.
 */
export const RATE_LIMITS = {
  auth: { perIp: 20, windowSeconds: 60 },
  write: { perUser: 120, perIp: 600, windowSeconds: 60 },
} as const;

export type RateLimitPolicy = keyof typeof RATE_LIMITS;

const globalStore = globalThis as unknown as { __groverRateLimitStore?: RateLimitStore };

function store(): RateLimitStore {
  const url = env().REDIS_URL;
  globalStore.__groverRateLimitStore ??= url ? createRedisStore(url) : createMemoryStore();
  return globalStore.__groverRateLimitStore;
}

function tooMany(resetInSeconds: number): ApiError {
  return new ApiError("rate_limited", "Too many requests. Try again later.", {
    headers: { "Retry-After": String(resetInSeconds) },
    details: { retryAfterSeconds: resetInSeconds },
  });
}

// A limiter outage must not take the API down with it: log and let the request through.
async function safely<T>(operation: () => Promise<T>): Promise<T | undefined> {
  if (env().RATE_LIMIT_DISABLED) return undefined;
  try {
    return await operation();
  } catch (error) {
    log.warn("rate limiter unavailable", { error });
    return undefined;
  }
}

/** Counts one hit against `key` and throws 429 with Retry-After when it is over `limit`. */
export async function enforceRateLimit(key: string, limit: number, windowSeconds: number) {
  const result = await safely(() => store().hit(key, windowSeconds));
  if (result && result.count > limit) throw tooMany(result.resetInSeconds);
}

/**
 * For limits on failures only (wrong passwords): check before the attempt with
 * `assertUnderLimit`, and count with `recordFailure` only when the attempt failed.
 */
export async function assertUnderLimit(key: string, limit: number) {
  const result = await safely(() => store().peek(key));
  if (result && result.count >= limit) throw tooMany(result.resetInSeconds);
}

export async function recordFailure(key: string, windowSeconds: number) {
  await safely(() => store().hit(key, windowSeconds));
}

/** Applies a named policy to a request from `ip`, signed in as `userId` when known. */
export async function applyRateLimitPolicy(
  policy: RateLimitPolicy,
  ip: string,
  userId: string | undefined,
) {
  if (policy === "auth") {
    const { perIp, windowSeconds } = RATE_LIMITS.auth;
    await enforceRateLimit(`auth:ip:${ip}`, perIp, windowSeconds);
    return;
  }
  const { perUser, perIp, windowSeconds } = RATE_LIMITS.write;
  await enforceRateLimit(`write:ip:${ip}`, perIp, windowSeconds);
  if (userId) await enforceRateLimit(`write:user:${userId}`, perUser, windowSeconds);
}
