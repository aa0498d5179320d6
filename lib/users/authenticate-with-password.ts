import "server-only";
import { ApiError } from "@/lib/api/errors";
import { assertUnderLimit, recordFailure } from "@/lib/api/rate-limit";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

// Per-account guard against password guessing spread over many IPs. Only failures count, so
// signing in on many devices never locks anyone out.
const FAILURES_PER_ACCOUNT = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * Checks an email and password. Any failure is the same 401, so the answer never tells whether
 * the email exists or the password was wrong.
 */
export async function authenticateWithPassword(email: string, password: string) {
  const failuresKey = `signin-failures:${email}`;
  await assertUnderLimit(failuresKey, FAILURES_PER_ACCOUNT);
  const user = await db.user.findUnique({
    where: { email },
    // An explicit select overrides the client's global omit of passwordHash.
    select: { id: true, passwordHash: true, suspendedAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await recordFailure(failuresKey, WINDOW_SECONDS);
    throw new ApiError("invalid_credentials", "Email or password is incorrect.");
  }
  // Told only after the password matched, so it says nothing about whose email this is.
  if (user.suspendedAt) {
    throw new ApiError("account_suspended", "This account is suspended and cannot sign in.");
  }
  return { id: user.id };
}
