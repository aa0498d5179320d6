import "server-only";
import { consumeOrRefuse, limiter } from "./limiter";

/**
 * The limits the wrapper applies, per client address (lib/api/client-ip.ts). `auth` counts every
 * sign-in and sign-up attempt (password spraying, account spam; failures are limited further in
 * sign-in-failures.ts); `write` guards every change per user and per address.
 */
export const RATE_LIMITS = {
  auth: { perIp: 20, windowSeconds: 60 },
  write: { perUser: 120, perIp: 600, windowSeconds: 60 },
} as const;

export type RateLimitPolicy = keyof typeof RATE_LIMITS;

const { auth, write } = RATE_LIMITS;
const authByIp = () =>
  limiter({ name: "auth:ip", points: auth.perIp, duration: auth.windowSeconds });
const writeByIp = () =>
  limiter({ name: "write:ip", points: write.perIp, duration: write.windowSeconds });
const writeByUser = () =>
  limiter({ name: "write:user", points: write.perUser, duration: write.windowSeconds });

/** Applies a named policy to a request from `ip`, signed in as `userId` when known. */
export async function applyRateLimitPolicy(
  policy: RateLimitPolicy,
  ip: string,
  userId: string | undefined,
) {
  if (policy === "auth") {
    await consumeOrRefuse(authByIp(), ip);
    return;
  }
  await consumeOrRefuse(writeByIp(), ip);
  if (userId) await consumeOrRefuse(writeByUser(), userId);
}
