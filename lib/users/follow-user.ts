import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish-event";
import { assertNotBlocked } from "@/lib/safety/assert-not-blocked";
import { lockPair } from "@/lib/safety/lock-pair";
import { findUserId } from "./find-user-id";
import { requestNewFollowerEmail } from "./request-new-follower-email";

/**
 * Follows a user. Idempotent: following twice, or twice at once, makes one follow, and the
 * counters move only when a row was actually inserted, in the same transaction.
 */
export async function followUser(followerId: string, targetRef: string) {
  const followingId = await findUserId(targetRef);
  if (followingId === followerId) throw new ApiError("bad_request", "You can't follow yourself.");
  await db.$transaction(async (tx) => {
    // After the pair's lock: a block either committed before (and is seen here) or waits for
    // this follow to commit (and removes it).
    await lockPair(tx, followerId, followingId);
    await assertNotBlocked(followerId, followingId, "follow them", tx);
    const { count } = await tx.follow.createMany({
      data: [{ followerId, followingId }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    await tx.user.update({ where: { id: followerId }, data: { followingCount: { increment: 1 } } });
    await tx.user.update({
      where: { id: followingId },
      data: { followersCount: { increment: 1 } },
    });
    await publishEvent(tx, "user.followed", { followerId, followingId });
    await requestNewFollowerEmail(tx, followerId, followingId);
  });
  return { following: true };
}
