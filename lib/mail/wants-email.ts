import "server-only";
import type { db, Tx } from "@/lib/db";
import { resolveEmailKinds, type TEmailKind } from "./email-kinds";

/**
 * The one check every sender makes before mailing a user: the address to mail them at, or null
 * when they are not to be mailed: a deleted or suspended account gets nothing, and mail of a
 * kind they switched off (or never switched on) is not sent. `kind` null is account or security
 * mail, which a live account always gets. Read in the caller's transaction when it has one, so
 * the answer goes with the cause it is written with.
 */
export async function wantsEmail(
  client: Tx | typeof db,
  userId: string,
  kind: TEmailKind | null,
): Promise<string | null> {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      deletedAt: true,
      suspendedAt: true,
      notificationSettings: { select: { emailKinds: true } },
    },
  });
  if (!user || user.deletedAt || user.suspendedAt) return null;
  if (kind && !resolveEmailKinds(user.notificationSettings?.emailKinds)[kind]) return null;
  return user.email;
}
