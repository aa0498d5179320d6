import "server-only";
import { db } from "@/lib/db";

/**
 * Ends the session a signed cookie names. Only for next-auth's sign-out event, where the JWT's
 * signature already proves the caller holds that session; API code uses revokeSession with the
 * owner in the `where`.
 */
export async function revokeSessionById(sessionId: string): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
