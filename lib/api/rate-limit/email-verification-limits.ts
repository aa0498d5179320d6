import "server-only";
import { consumeOrRefuse, limiter } from "./limiter";

/**
 * Mail an account can trigger to itself or to an address it names, per account: resending the
 * verification link, and asking to change the address (two mails each, one to a stranger's inbox
 * if the new address is not the asker's).
 */
export const EMAIL_VERIFICATION_LIMITS = {
  resendPerAccount: { requests: 3, windowSeconds: 3_600 },
  changePerAccount: { requests: 5, windowSeconds: 3_600 },
} as const;

const { resendPerAccount, changePerAccount } = EMAIL_VERIFICATION_LIMITS;
const resends = () =>
  limiter({
    name: "email-verification:resend",
    points: resendPerAccount.requests,
    duration: resendPerAccount.windowSeconds,
  });
const changes = () =>
  limiter({
    name: "email-change:request",
    points: changePerAccount.requests,
    duration: changePerAccount.windowSeconds,
  });

/** Counts one resend of the verification mail; 429 with Retry-After when used up. */
export async function consumeVerificationResend(userId: string) {
  await consumeOrRefuse(resends(), userId);
}

/** Counts one email change request; 429 with Retry-After when used up. */
export async function consumeEmailChangeRequest(userId: string) {
  await consumeOrRefuse(changes(), userId);
}
