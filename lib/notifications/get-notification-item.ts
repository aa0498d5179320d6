import "server-only";
import { db } from "@/lib/db";
import { fromVisibleActors, ROW_SELECT, toItems } from "./list-notifications";
import type { TNotification } from "./notifications.types";

/**
 * One of the viewer's notifications as an item of GET /api/notifications (alone, not grouped),
 * or null when it is gone or its actor is hidden from the viewer. The live stream sends it.
 */
export async function getNotificationItem(
  viewerId: string,
  notificationId: string,
): Promise<TNotification | null> {
  const row = await db.notification.findFirst({
    where: { id: notificationId, recipientId: viewerId, ...fromVisibleActors(viewerId) },
    select: ROW_SELECT,
  });
  if (!row) return null;
  const [item] = await toItems(viewerId, [{ key: null, rows: [row] }]);
  return item ?? null;
}
