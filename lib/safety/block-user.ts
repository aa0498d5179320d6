import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, type Tx } from "@/lib/db";
import { findUserId } from "@/lib/users/find-user-id";
import { lockPair } from "./lock-pair";
import type { TBlockState } from "./safety.types";

// Removes one follow and moves both counters, only when a row was actually deleted (as
// unfollowUser does), so the counters stay exact whichever way the follows were.
async function removeFollow(tx: Tx, followerId: string, followingId: string) {
  const { count } = await tx.follow.deleteMany({ where: { followerId, followingId } });
  if (count === 0) return;
  await tx.user.update({ where: { id: followerId }, data: { followingCount: { decrement: 1 } } });
  await tx.user.update({ where: { id: followingId }, data: { followersCount: { decrement: 1 } } });
}

/**
 * Blocks a user: the Block row and the end of any follow between the two, both ways, in one
 * transaction, so a crash leaves either no block or a complete one. Idempotent; the follows
 * are cleared even when the block already existed, which costs nothing when there are none.
 * Unblocking does not bring the follows back.
 */
export async function blockUser(blockerId: string, targetRef: string): Promise<TBlockState> {
  const blockedId = await findUserId(targetRef);
  if (blockedId === blockerId) throw new ApiError("bad_request", "You can't block yourself.");
  await db.$transaction(async (tx) => {
    // Serialised with follows between the two (lock-pair.ts), so none slips in beside the block.
    await lockPair(tx, blockerId, blockedId);
    await tx.block.createMany({ data: [{ blockerId, blockedId }], skipDuplicates: true });
    await removeFollow(tx, blockerId, blockedId);
    await removeFollow(tx, blockedId, blockerId);
  });
  return { blocking: true };
}
