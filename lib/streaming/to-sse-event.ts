import "server-only";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { getNotificationItem } from "@/lib/notifications/get-notification-item";
import type { LiveEventRow, SseEvent } from "./streaming.types";

/**
 * A user-stream event (notification, unread) as `viewerId` receives it, built when it is sent so
 * the count is the current one; null when there is nothing to say (the notification is gone, or
 * its actor is now hidden from the viewer).
 */
export async function toUserSseEvent(
  row: LiveEventRow,
  viewerId: string,
): Promise<SseEvent | null> {
  if (row.kind === "unread") {
    return {
      id: row.id,
      event: "unread",
      data: { unreadCount: await countUnreadNotifications(viewerId) },
    };
  }
  const notificationId = row.payload.notificationId;
  if (row.kind !== "notification" || typeof notificationId !== "string") return null;
  const [notification, unreadCount] = await Promise.all([
    getNotificationItem(viewerId, notificationId),
    countUnreadNotifications(viewerId),
  ]);
  return notification
    ? { id: row.id, event: "notification", data: { notification, unreadCount } }
    : null;
}

/** A home-stream event (post, delete): ids only, the same for everyone it concerns. */
export function toHomeSseEvent(row: LiveEventRow): SseEvent | null {
  if (!row.postId || !row.authorId) return null;
  if (row.kind === "delete") return { id: row.id, event: "delete", data: { id: row.postId } };
  if (row.kind !== "post") return null;
  const createdAt =
    typeof row.payload.createdAt === "string" ? row.payload.createdAt : row.createdAt.toISOString();
  return {
    id: row.id,
    event: "post",
    data: {
      id: row.postId,
      authorId: row.authorId,
      createdAt,
      ...(row.reposterId && { reposterId: row.reposterId }),
    },
  };
}

/** The bytes of one event: `id`, `event`, and its data as one line of JSON. */
export function formatSseEvent(event: SseEvent): string {
  return `id: ${event.id}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}
