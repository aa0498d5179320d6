import "server-only";
import { db } from "@/lib/db";
import { countUnreadNotifications } from "./count-unread-notifications";
import type { TMarkNotificationsReadBody } from "./notifications.types";

/**
 * Marks the viewer's notifications read: the ones named (ids that aren't the viewer's are
 * ignored, as are ones already read) or all. Answers how many changed and how many stay unread.
 */
export async function markNotificationsRead(viewerId: string, body: TMarkNotificationsReadBody) {
  const which = "ids" in body ? { id: { in: body.ids } } : {};
  const { count } = await db.notification.updateMany({
    where: { recipientId: viewerId, readAt: null, ...which },
    data: { readAt: new Date() },
  });
  return { updated: count, unread: await countUnreadNotifications(viewerId) };
}
