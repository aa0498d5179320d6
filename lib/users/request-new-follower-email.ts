import "server-only";
import type { Tx } from "@/lib/db";
import { requestUserEmail } from "@/lib/mail/request-user-email";

/**
 * "Someone followed you" mail (social, off by default), asked for in the follow's transaction.
 * Keyed by the pair, so following, unfollowing and following again mails at most once (while
 * the key is remembered: lib/mail/prune-sent-email.ts).
 */
export async function requestNewFollowerEmail(
  tx: Tx,
  followerId: string,
  followingId: string,
): Promise<void> {
  await requestUserEmail(tx, {
    userId: followingId,
    template: "new-follower",
    // Read only when the followed user wants this mail (off by default): most follows cost one
    // query for mail, not two.
    data: async () => {
      const follower = await tx.user.findUnique({
        where: { id: followerId },
        select: { username: true, displayName: true },
      });
      return follower
        ? { followerName: follower.displayName, followerUsername: follower.username }
        : null;
    },
    dedupeKey: `new-follower:${followerId}:${followingId}`,
  });
}
