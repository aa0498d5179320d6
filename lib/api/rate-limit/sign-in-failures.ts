import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { limiter, safely, tooMany, type Limiter } from "./limiter";

/**
 * Password guessing, after rate-limiter-flexible's "login endpoint protection" pattern. Failures
 * count per (email, address) and per address, never per email alone: an attacker's address is
 * slowed, and nobody can lock an owner out of their account from somewhere else. Both counts live
 * a day; longer would outlive the memory store's timers (setTimeout stops at ~24.8 days).
 */
export const SIGN_IN_FAILURE_LIMITS = {
  /** Consecutive failures for one email from one address; a success from there starts again. */
  perEmailAndIp: { failures: 10, windowSeconds: 86_400, blockSeconds: 3_600 },
  /** Failures from one address whatever the email (one password sprayed over many accounts). */
  perIpPerDay: { failures: 100, windowSeconds: 86_400, blockSeconds: 86_400 },
} as const;

const { perEmailAndIp, perIpPerDay } = SIGN_IN_FAILURE_LIMITS;
const byEmailAndIp = () =>
  limiter({
    name: "signin-fail:email-ip",
    points: perEmailAndIp.failures,
    duration: perEmailAndIp.windowSeconds,
    blockDuration: perEmailAndIp.blockSeconds,
  });
const byIp = () =>
  limiter({
    name: "signin-fail:ip",
    points: perIpPerDay.failures,
    duration: perIpPerDay.windowSeconds,
    blockDuration: perIpPerDay.blockSeconds,
  });

const pairKey = (email: string, ip: string) => `${email.trim().toLowerCase()} ${ip}`;

// A key is refused once its count passes the limit (block() sets it to points + 1).
function waitFor(target: Limiter, result: RateLimiterRes | null): number {
  return result && result.consumedPoints > target.points ? result.msBeforeNext : 0;
}

/** Throws 429 with Retry-After while this address may not try this email (or any email). */
export async function assertSignInAllowed(email: string, ip: string) {
  const wait = await safely(async () => {
    const [pair, address] = [byEmailAndIp(), byIp()];
    const [pairCount, addressCount] = await Promise.all([
      pair.get(pairKey(email, ip)),
      address.get(ip),
    ]);
    return Math.max(waitFor(pair, pairCount), waitFor(address, addressCount));
  });
  if (wait) throw tooMany(wait);
}

async function countFailure(target: Limiter, key: string) {
  const result = await target.consume(key).catch((reason: unknown) => {
    if (reason instanceof RateLimiterRes) return reason;
    throw reason;
  });
  // rate-limiter-flexible blocks on the point after the last one allowed; block on the last
  // allowed failure instead, so that the next attempt is refused before any password is checked.
  if (result.consumedPoints === target.points) await target.block(key, target.blockDuration);
}

export async function recordSignInFailure(email: string, ip: string) {
  await safely(() =>
    Promise.all([countFailure(byEmailAndIp(), pairKey(email, ip)), countFailure(byIp(), ip)]),
  );
}

/** The owner got in from this address: its failures for this email start again from zero. */
export async function recordSignInSuccess(email: string, ip: string) {
  await safely(() => byEmailAndIp().delete(pairKey(email, ip)));
}
