import "server-only";
import { db } from "@/lib/db";
import {
  MUTABLE_NOTIFICATION_KINDS,
  type TNotificationSettings,
  type TMutableNotificationKind,
} from "./notifications.types";

/**
 * Replaces the viewer's muted kinds (each kept once, in a fixed order). Muting applies to what
 * happens from now on: notifications already written stay.
 */
export async function updateNotificationSettings(
  userId: string,
  input: { mutedKinds: TMutableNotificationKind[] },
): Promise<TNotificationSettings> {
  const wanted = new Set(input.mutedKinds);
  const mutedKinds = MUTABLE_NOTIFICATION_KINDS.filter((kind) => wanted.has(kind));
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, mutedKinds },
    update: { mutedKinds },
  });
  return { mutedKinds };
}
