import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { keepReplyThreads } from "./keep-reply-threads";
import { releaseCounters } from "./release-counters";

/**
 * Inside the caller's transaction: deletes everything the account made or that is about it, and
 * anonymises the User row, which stays because payments, the ledger, balances and payouts
 * reference it (money records are kept; they hold no personal data once the payout email is
 * replaced). Answers the storage keys of the files the rows pointed at, for the caller to delete
 * once the transaction has committed.
 */
export async function deleteAccountRows(tx: Tx, userId: string): Promise<string[]> {
  const [media, exports] = await Promise.all([
    tx.media.findMany({
      where: { ownerId: userId },
      select: { fileKey: true, thumbnailKey: true, posterKey: true },
    }),
    tx.dataExport.findMany({ where: { userId }, select: { fileKey: true } }),
  ]);

  await releaseCounters(tx, userId);

  // Posts first: likes, reactions, saves, reposts, comments, edits, tags, mentions, media rows
  // and notifications about them go with them by ON DELETE CASCADE.
  await tx.post.deleteMany({ where: { authorId: userId } });
  await keepReplyThreads(tx, userId);
  await tx.comment.deleteMany({ where: { authorId: userId } });
  await tx.like.deleteMany({ where: { userId } });
  await tx.reaction.deleteMany({ where: { userId } });
  await tx.save.deleteMany({ where: { userId } });
  await tx.repost.deleteMany({ where: { userId } });
  await tx.postMention.deleteMany({ where: { userId } });
  await tx.follow.deleteMany({ where: { OR: [{ followerId: userId }, { followingId: userId }] } });
  await tx.block.deleteMany({ where: { OR: [{ blockerId: userId }, { blockedId: userId }] } });
  await tx.mute.deleteMany({ where: { OR: [{ muterId: userId }, { mutedId: userId }] } });
  await tx.mutedWord.deleteMany({ where: { userId } });
  await tx.report.deleteMany({ where: { reporterId: userId } });
  await tx.notification.deleteMany({
    where: { OR: [{ recipientId: userId }, { actorId: userId }] },
  });
  await tx.notificationSettings.deleteMany({ where: { userId } });
  await tx.session.deleteMany({ where: { userId } });
  await tx.account.deleteMany({ where: { userId } });
  await tx.dataExport.deleteMany({ where: { userId } });
  // Pending links name addresses (a new one, for a change): gone with the account's own.
  await tx.emailVerification.deleteMany({ where: { userId } });

  const placeholderEmail = `deleted+${userId}@invalid`;
  await tx.user.update({
    where: { id: userId },
    data: {
      username: `deleted_${randomBytes(8).toString("hex")}`,
      email: placeholderEmail,
      emailVerified: null,
      displayName: "Deleted account",
      bio: "",
      website: null,
      location: null,
      avatarId: null,
      bannerId: null,
      passwordHash: null,
      deletedAt: new Date(),
      followersCount: 0,
      followingCount: 0,
      postsCount: 0,
      likesReceivedCount: 0,
    },
    select: { id: true },
  });
  // Media rows after the avatar and banner references are gone.
  await tx.media.deleteMany({ where: { ownerId: userId } });
  // The column is required; the payout records stay but no longer name a PayPal account.
  await tx.payout.updateMany({
    where: { creatorId: userId },
    data: { paypalEmail: placeholderEmail },
  });

  return [
    ...media.flatMap((m) => [m.fileKey, m.thumbnailKey, ...(m.posterKey ? [m.posterKey] : [])]),
    ...exports.flatMap((e) => (e.fileKey ? [e.fileKey] : [])),
  ];
}
