import "server-only";
import { db } from "@/lib/db";
import { createNotifications } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

/** user.followed: tells the followed user, unless they were unfollowed again since. */
export async function notifyNewFollower({
  followerId,
  followingId,
}: {
  followerId: string;
  followingId: string;
}): Promise<number> {
  const follow = await db.follow.findUnique({
    where: { followerId_followingId: { followerId, followingId } },
    select: { followerId: true },
  });
  if (!follow) return 0;
  return createNotifications([
    {
      recipientId: followingId,
      kind: "follow",
      actorId: followerId,
      postId: null,
      dedupeKey: dedupeKey.follow(followerId, followingId),
    },
  ]);
}
