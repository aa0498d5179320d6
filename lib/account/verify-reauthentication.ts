import "server-only";
import { ApiError } from "@/lib/api/errors";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { TDeleteAccountBody } from "./account.types";

/**
 * Proves the person at the keyboard owns the account before something irreversible: the
 * password, or for an account without one (OAuth only) its username typed out, which at least
 * rules out a click on a stray link or a borrowed, unlocked device by accident.
 */
export async function verifyReauthentication(
  userId: string,
  body: TDeleteAccountBody,
): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: userId },
    // An explicit select overrides the client's global omit of passwordHash.
    select: { username: true, passwordHash: true },
  });
  if (!user) throw new ApiError("not_found", "No such user.");

  if ("password" in body) {
    if (!user.passwordHash) {
      throw new ApiError(
        "unprocessable",
        'This account has no password (it signs in with GitHub or Google): send { "confirm": "<your username>" } instead.',
      );
    }
    if (!(await verifyPassword(user.passwordHash, body.password))) {
      throw new ApiError("forbidden", "The password is incorrect.", {
        details: { field: "password" },
      });
    }
    return;
  }
  if (user.passwordHash) {
    throw new ApiError(
      "unprocessable",
      'This account has a password: send { "password" } instead.',
    );
  }
  if (body.confirm.trim().toLowerCase() !== user.username) {
    throw new ApiError("forbidden", "Type your username exactly to confirm.", {
      details: { field: "confirm" },
    });
  }
}
