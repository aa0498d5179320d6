import "server-only";
import { positionAfterWhere } from "@/lib/api/keyset";
import { db } from "@/lib/db";
import { liveTransaction } from "@/lib/streaming/live-transaction";
import { recordLiveEvents } from "@/lib/streaming/record-live-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { countUnreadNotifications } from "./count-unread-notifications";
import type { TMarkNotificationsReadBody } from "./notifications.types";

/**
 * Marks the viewer's notifications read: the ones named (ids that aren't the viewer's are
 * ignored, as are ones already read), all, or every one up to and including a given one in the
 * list's order (createdAt, id). `upTo` is what the notifications page sends for the newest item
 * it showed, so a notification that arrives while the page is open stays unread. An `upTo` that
 * isn't one of the viewer's notifications marks nothing. Answers how many changed and how many
 * stay unread.
 */
export async function markNotificationsRead(viewerId: string, body: TMarkNotificationsReadBody) {
  const which = await selectMarked(viewerId, body);
  if (!which) return { updated: 0, unread: await countUnreadNotifications(viewerId) };
  const count = await liveTransaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { recipientId: viewerId, readAt: null, ...which },
      data: { readAt: new Date() },
    });
    // The viewer's other open tabs and devices update their badge.
    if (count > 0) await recordLiveEvents(tx, [{ kind: "unread", recipientId: viewerId }]);
    return count;
  });
  return { updated: count, unread: await countUnreadNotifications(viewerId) };
}

async function selectMarked(
  viewerId: string,
  body: TMarkNotificationsReadBody,
): Promise<Prisma.NotificationWhereInput | null> {
  if ("ids" in body) return { id: { in: body.ids } };
  if ("all" in body) return {};
  // The owner in the lookup too: another user's id must not reveal or move anything.
  const newest = await db.notification.findFirst({
    where: { id: body.upTo, recipientId: viewerId },
    select: { id: true, createdAt: true },
  });
  if (!newest) return null;
  const position = { t: newest.createdAt.toISOString(), id: newest.id };
  // The one named, and every one that sorts after it in the newest-first list (older ones).
  return { OR: [{ id: newest.id }, positionAfterWhere(["createdAt", "id"], position)] };
}
