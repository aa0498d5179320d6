import "server-only";
import { db } from "@/lib/db";
import { resolveEmailKinds } from "@/lib/mail/email-kinds";
import {
  MUTABLE_NOTIFICATION_KINDS,
  type TMutableNotificationKind,
  type TNotificationSettings,
} from "./notifications.types";

const MUTABLE = new Set<string>(MUTABLE_NOTIFICATION_KINDS);

/**
 * The viewer's notification settings: nothing muted until they say otherwise, and every email
 * kind as they set it or at its default.
 */
export async function getNotificationSettings(userId: string): Promise<TNotificationSettings> {
  const settings = await db.notificationSettings.findUnique({
    where: { userId },
    select: { mutedKinds: true, emailKinds: true },
  });
  const muted = (settings?.mutedKinds ?? []).filter((kind): kind is TMutableNotificationKind =>
    MUTABLE.has(kind),
  );
  return { mutedKinds: muted, emailKinds: resolveEmailKinds(settings?.emailKinds) };
}
