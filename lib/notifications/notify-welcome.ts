import "server-only";
import { db } from "@/lib/db";
import { createNotifications } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

/** user.created: a welcome for the new account (nothing if it was deleted since). */
export async function notifyWelcome(userId: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return 0;
  return createNotifications([
    {
      recipientId: userId,
      kind: "welcome",
      actorId: null,
      postId: null,
      dedupeKey: dedupeKey.welcome(userId),
    },
  ]);
}
