import "server-only";
import { consumeOrRefuse, limiter } from "./limiter";

/**
 * Reset mail, on top of the `auth` policy every sign-in route has: per client address (one
 * address mailing many strangers) and per email (one inbox flooded from many addresses). Both
 * apply whether or not the address has an account, so a 429 tells nothing about who signed up.
 */
export const PASSWORD_RESET_LIMITS = {
  perIp: { requests: 10, windowSeconds: 3_600 },
  perEmail: { requests: 3, windowSeconds: 3_600 },
} as const;

const { perIp, perEmail } = PASSWORD_RESET_LIMITS;
const byIp = () =>
  limiter({ name: "password-reset:ip", points: perIp.requests, duration: perIp.windowSeconds });
const byEmail = () =>
  limiter({
    name: "password-reset:email",
    points: perEmail.requests,
    duration: perEmail.windowSeconds,
  });

/** Counts one reset request; throws 429 with Retry-After when either limit is used up. */
export async function consumePasswordResetLimits(email: string, ip: string) {
  await consumeOrRefuse(byIp(), ip);
  await consumeOrRefuse(byEmail(), email.trim().toLowerCase());
}
