import "server-only";
import { db } from "@/lib/db";
import type { TEmailKindsPatch } from "@/lib/mail/email-kinds";
import { setEmailKinds } from "@/lib/mail/set-email-kinds";
import { getNotificationSettings } from "./get-notification-settings";
import {
  MUTABLE_NOTIFICATION_KINDS,
  type TNotificationSettings,
  type TMutableNotificationKind,
} from "./notifications.types";

/**
 * Changes the viewer's settings: `mutedKinds` replaces the muted kinds (each kept once, in a
 * fixed order), `emailKinds` switches the email kinds it names on or off. Either may be left
 * out. Muting applies to what happens from now on: notifications already written stay.
 */
export async function updateNotificationSettings(
  userId: string,
  input: { mutedKinds?: TMutableNotificationKind[]; emailKinds?: TEmailKindsPatch },
): Promise<TNotificationSettings> {
  await db.$transaction(async (tx) => {
    if (input.mutedKinds) {
      const wanted = new Set(input.mutedKinds);
      const mutedKinds = MUTABLE_NOTIFICATION_KINDS.filter((kind) => wanted.has(kind));
      await tx.notificationSettings.upsert({
        where: { userId },
        create: { userId, mutedKinds },
        update: { mutedKinds },
      });
    }
    if (input.emailKinds) await setEmailKinds(userId, input.emailKinds, tx);
  });
  return getNotificationSettings(userId);
}
