import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { findUserId } from "./find-user-id";

/** Unfollows a user. Idempotent, like following: counters move only when a row was deleted. */
export async function unfollowUser(followerId: string, targetRef: string) {
  const followingId = await findUserId(targetRef);
  if (followingId === followerId) throw new ApiError("bad_request", "You can't unfollow yourself.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.follow.deleteMany({ where: { followerId, followingId } });
    if (count === 0) return;
    await tx.user.update({ where: { id: followerId }, data: { followingCount: { decrement: 1 } } });
    await tx.user.update({
      where: { id: followingId },
      data: { followersCount: { decrement: 1 } },
    });
  });
  return { following: false };
}
