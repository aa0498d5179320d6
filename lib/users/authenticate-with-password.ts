import "server-only";
import { ApiError } from "@/lib/api/errors";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

// Per-account guard against password guessing spread over many IPs.
const ATTEMPTS_PER_ACCOUNT = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * Checks an email and password. Any failure is the same 401, so the answer never tells whether
 * the email exists or the password was wrong.
 */
export async function authenticateWithPassword(email: string, password: string) {
  await enforceRateLimit(`signin:email:${email}`, ATTEMPTS_PER_ACCOUNT, WINDOW_SECONDS);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
    omit: { passwordHash: false },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) throw new ApiError("invalid_credentials", "Email or password is incorrect.");
  return { id: user.id };
}
