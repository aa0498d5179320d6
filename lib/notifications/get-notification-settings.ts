import "server-only";
import { db } from "@/lib/db";
import {
  MUTABLE_NOTIFICATION_KINDS,
  type TMutableNotificationKind,
  type TNotificationSettings,
} from "./notifications.types";

const MUTABLE = new Set<string>(MUTABLE_NOTIFICATION_KINDS);

/** The viewer's notification settings; nothing muted until they say otherwise. */
export async function getNotificationSettings(userId: string): Promise<TNotificationSettings> {
  const settings = await db.notificationSettings.findUnique({
    where: { userId },
    select: { mutedKinds: true },
  });
  const muted = (settings?.mutedKinds ?? []).filter((kind): kind is TMutableNotificationKind =>
    MUTABLE.has(kind),
  );
  return { mutedKinds: muted };
}
