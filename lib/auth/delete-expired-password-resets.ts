import "server-only";
import { db } from "@/lib/db";

/**
 * Resets that expired over a day ago (spent or not) are removed: past their hour they open
 * nothing, and the day lets a late click still be told "expired" rather than "not valid".
 */
export async function deleteExpiredPasswordResets(): Promise<{ deleted: number }> {
  const { count } = await db.passwordReset.deleteMany({
    where: { expiresAt: { lt: new Date(Date.now() - 24 * 60 * 60_000) } },
  });
  return { deleted: count };
}
