import "server-only";
import { db, Prisma } from "@/lib/db";
import { liveTransaction } from "@/lib/streaming/live-transaction";
import { recordLiveEvents } from "@/lib/streaming/record-live-events";
import { MUTABLE_NOTIFICATION_KINDS, type TNotificationKind } from "./notifications.types";

export type NewNotification = {
  recipientId: string;
  kind: TNotificationKind;
  actorId: string | null;
  postId: string | null;
  data?: Prisma.InputJsonObject;
  /** See dedupe-key.ts. */
  dedupeKey: string;
};

const MUTABLE = new Set<TNotificationKind>(MUTABLE_NOTIFICATION_KINDS);

/**
 * Writes notifications, idempotently: a dedupe key already written is skipped (ON CONFLICT DO
 * NOTHING), so running this again for the same rows writes nothing. Leaves out notifications
 * to the person who did the thing, kinds their recipient muted, actors blocked either way by
 * the recipient (a mention, like or comment by someone you blocked, or who blocked you, says
 * nothing), and deleted accounts on either side (an event about them can still be on its way
 * when the account goes: see the lock below). Answers how many it wrote.
 */
export async function createNotifications(rows: NewNotification[]): Promise<number> {
  const others = rows.filter((row) => row.recipientId !== row.actorId);
  if (others.length === 0) return 0;
  const blocked = await blockedPairs(others);
  const candidates = others.filter(
    (row) => row.actorId === null || !blocked.has(`${row.recipientId}:${row.actorId}`),
  );
  if (candidates.length === 0) return 0;

  const mutable = candidates.filter((row) => MUTABLE.has(row.kind));
  const settings = mutable.length
    ? await db.notificationSettings.findMany({
        where: { userId: { in: [...new Set(mutable.map((row) => row.recipientId))] } },
        select: { userId: true, mutedKinds: true },
      })
    : [];
  const muted = new Map(settings.map((s) => [s.userId, new Set<string>(s.mutedKinds)]));
  const wanted = candidates.filter((row) => !muted.get(row.recipientId)?.has(row.kind));
  if (wanted.length === 0) return 0;

  // Written only while every account involved still exists, checked under a lock: FOR KEY SHARE
  // waits for an account deletion in progress (it holds the row FOR UPDATE) and then sees it
  // deleted; taken first, it makes the deletion wait, and the deletion then removes these rows
  // with the rest. Either way nothing is written for a deleted account.
  const count = await liveTransaction(async (tx) => {
    const ids = [
      ...new Set(
        wanted.flatMap((row) => (row.actorId ? [row.recipientId, row.actorId] : [row.recipientId])),
      ),
    ];
    const live = new Set(
      (
        await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "User" WHERE id IN (${Prisma.join(ids)}) AND "deletedAt" IS NULL
          ORDER BY id FOR KEY SHARE`
      ).map((u) => u.id),
    );
    const writable = wanted.filter(
      (row) => live.has(row.recipientId) && (row.actorId === null || live.has(row.actorId)),
    );
    if (writable.length === 0) return 0;
    const written = await tx.notification.createManyAndReturn({
      data: writable.map((row) => ({
        recipientId: row.recipientId,
        kind: row.kind,
        actorId: row.actorId,
        postId: row.postId,
        data: row.data ?? {},
        dedupeKey: row.dedupeKey,
      })),
      skipDuplicates: true,
      select: { id: true, recipientId: true },
    });
    // Only the rows actually written: a retried step tells open streams nothing twice.
    if (written.length) {
      await recordLiveEvents(
        tx,
        written.map((n) => ({
          kind: "notification",
          recipientId: n.recipientId,
          notificationId: n.id,
        })),
      );
    }
    return written.length;
  });
  return count;
}

/**
 * The (recipient, actor) pairs among `rows` where either blocks the other, as "recipient:actor",
 * in one query however many rows (a batch is usually one actor and many recipients).
 */
async function blockedPairs(rows: NewNotification[]): Promise<Set<string>> {
  const recipients = [...new Set(rows.map((row) => row.recipientId))];
  const actors = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  if (actors.length === 0) return new Set();
  const blocks = await db.block.findMany({
    where: {
      OR: [
        { blockerId: { in: recipients }, blockedId: { in: actors } },
        { blockerId: { in: actors }, blockedId: { in: recipients } },
      ],
    },
    select: { blockerId: true, blockedId: true },
  });
  return new Set(
    blocks.flatMap((b) => [`${b.blockerId}:${b.blockedId}`, `${b.blockedId}:${b.blockerId}`]),
  );
}
