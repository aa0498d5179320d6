import "server-only";
import { db } from "@/lib/db";
import { fromVisibleActors } from "./list-notifications";
import { MAX_UNREAD_COUNT } from "./notifications.types";

/** The viewer's unread notifications, counted up to MAX_UNREAD_COUNT (the bell's "999+"). */
export async function countUnreadNotifications(viewerId: string): Promise<number> {
  // Counting stops at the cap, on the partial index of unread rows.
  return db.notification.count({
    where: { recipientId: viewerId, readAt: null, ...fromVisibleActors(viewerId) },
    take: MAX_UNREAD_COUNT,
  });
}
