import "server-only";
import { ApiError } from "@/lib/api/errors";
import {
  assertSignInAllowed,
  recordSignInFailure,
  recordSignInSuccess,
} from "@/lib/api/rate-limit/sign-in-failures";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

/**
 * Checks an email and password from the client at `ip` (lib/api/client-ip.ts). Any failure is the
 * same 401, so the answer never tells whether the email exists or the password was wrong. Failures
 * slow this address, for this email and overall (sign-in-failures.ts); never the account itself.
 */
export async function authenticateWithPassword(email: string, password: string, ip: string) {
  await assertSignInAllowed(email, ip);
  const user = await db.user.findUnique({
    where: { email },
    // An explicit select overrides the client's global omit of passwordHash.
    select: { id: true, passwordHash: true, suspendedAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await recordSignInFailure(email, ip);
    throw new ApiError("invalid_credentials", "Email or password is incorrect.");
  }
  await recordSignInSuccess(email, ip);
  // Told only after the password matched, so it says nothing about whose email this is.
  if (user.suspendedAt) {
    throw new ApiError("account_suspended", "This account is suspended and cannot sign in.");
  }
  return { id: user.id };
}
