import "server-only";
import { ApiError } from "@/lib/api/errors";
import { revokeSession } from "@/lib/auth/revoke-session";

/**
 * Revokes one of the user's own sessions (the current one too: that signs them out). Someone
 * else's session, or one already ended, is 404: the owner is in revokeSession's `where`, so an
 * id that isn't theirs is indistinguishable from one that doesn't exist.
 */
export async function signOutSession(userId: string, sessionId: string): Promise<void> {
  const revoked = await revokeSession(sessionId, userId);
  if (!revoked) throw new ApiError("not_found", "No such active session.");
}
