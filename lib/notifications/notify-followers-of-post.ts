import "server-only";
import { db } from "@/lib/db";
import { createNotifications } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

/** Where a batch of followers ends, in (Follow.createdAt desc, followerId desc) order. */
export type FollowerCursor = { t: string; id: string };

/**
 * post.created, one batch: tells up to `batchSize` of the author's followers, after `after`,
 * about the post, and answers where the next batch starts (null when this was the last). Users in
 * `skip` (those the post mentions, who get a mention instead) are passed over. Keyset-paged on
 * the Follow index, so every batch costs the same however many followers come before it.
 */
export async function notifyFollowersOfPost({
  postId,
  authorId,
  skip,
  after,
  batchSize,
}: {
  postId: string;
  authorId: string;
  skip: string[];
  after: FollowerCursor | null;
  batchSize: number;
}): Promise<{ notified: number; next: FollowerCursor | null }> {
  // Deleted since it was published: nobody is left to tell.
  const post = await db.post.findUnique({ where: { id: postId }, select: { id: true } });
  if (!post) return { notified: 0, next: null };

  const t = after ? new Date(after.t) : undefined;
  const follows = await db.follow.findMany({
    where: {
      followingId: authorId,
      ...(after
        ? { OR: [{ createdAt: { lt: t } }, { createdAt: t, followerId: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { followerId: "desc" }],
    take: batchSize,
    select: { followerId: true, createdAt: true },
  });

  const skipped = new Set(skip);
  const notified = await createNotifications(
    follows
      .filter((follow) => !skipped.has(follow.followerId))
      .map((follow) => ({
        recipientId: follow.followerId,
        kind: "new_post" as const,
        actorId: authorId,
        postId,
        dedupeKey: dedupeKey.newPost(postId, follow.followerId),
      })),
  );
  const last = follows.at(-1);
  const next =
    follows.length === batchSize && last
      ? { t: last.createdAt.toISOString(), id: last.followerId }
      : null;
  return { notified, next };
}
