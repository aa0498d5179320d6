import "server-only";
import { db } from "@/lib/db";

/** Ends a session everywhere. The owner is in the `where`, so nobody revokes another's session. */
export async function revokeSession(sessionId: string, userId: string): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}
