import "server-only";
import { Prisma, type Tx } from "@/lib/db";

/**
 * Before a deleted account's likes, reactions, comments, replies, reposts, quotes and follows go,
 * takes them off the counters of the other people's posts, comments and profiles they were
 * counted on: one bulk statement per counter (the per-row counts grouped in a subquery), never
 * one per row. Counters on the account's own posts don't matter: those posts are deleted with it.
 */
export async function releaseCounters(tx: Tx, userId: string): Promise<void> {
  const statements = [
    Prisma.sql`
      UPDATE "Post" p SET "likeCount" = p."likeCount" - 1
      FROM "Like" l WHERE l."userId" = ${userId} AND l."postId" = p.id AND p."authorId" <> ${userId}`,
    Prisma.sql`
      UPDATE "User" u SET "likesReceivedCount" = u."likesReceivedCount" - c.n
      FROM (SELECT p."authorId", count(*)::int AS n
            FROM "Like" l JOIN "Post" p ON p.id = l."postId"
            WHERE l."userId" = ${userId} AND p."authorId" <> ${userId}
            GROUP BY p."authorId") c
      WHERE u.id = c."authorId"`,
    Prisma.sql`
      UPDATE "Post" p SET "reactionCount" = p."reactionCount" - c.n
      FROM (SELECT "postId", count(*)::int AS n FROM "Reaction"
            WHERE "userId" = ${userId} GROUP BY "postId") c
      WHERE p.id = c."postId" AND p."authorId" <> ${userId}`,
    // One reaction per (user, post, emoji), so each matching count row loses exactly one.
    Prisma.sql`
      UPDATE "PostReactionCount" rc SET count = rc.count - 1
      FROM "Reaction" r
      WHERE r."userId" = ${userId} AND rc."postId" = r."postId" AND rc.emoji = r.emoji`,
    Prisma.sql`
      UPDATE "Post" p SET "commentCount" = p."commentCount" - c.n
      FROM (SELECT "postId", count(*)::int AS n FROM "Comment"
            WHERE "authorId" = ${userId} GROUP BY "postId") c
      WHERE p.id = c."postId" AND p."authorId" <> ${userId}`,
    // Replies under other people's comments (placeholders too); under the account's own
    // comments they go with them, or keepReplyThreads keeps the count of those others wrote.
    Prisma.sql`
      UPDATE "Comment" c SET "replyCount" = c."replyCount" - r.n
      FROM (SELECT "parentId", count(*)::int AS n FROM "Comment"
            WHERE "authorId" = ${userId} AND "parentId" IS NOT NULL GROUP BY "parentId") r
      WHERE c.id = r."parentId"`,
    Prisma.sql`
      UPDATE "Post" p SET "repostCount" = p."repostCount" - 1
      FROM "Repost" r WHERE r."userId" = ${userId} AND r."postId" = p.id AND p."authorId" <> ${userId}`,
    Prisma.sql`
      UPDATE "Post" p SET "quoteCount" = p."quoteCount" - c.n
      FROM (SELECT "quotedPostId" AS id, count(*)::int AS n FROM "Post"
            WHERE "authorId" = ${userId} AND "quotedPostId" IS NOT NULL
            GROUP BY "quotedPostId") c
      WHERE p.id = c.id AND p."authorId" <> ${userId}`,
    Prisma.sql`
      UPDATE "User" u SET "followersCount" = u."followersCount" - 1
      FROM "Follow" f WHERE f."followerId" = ${userId} AND u.id = f."followingId"`,
    Prisma.sql`
      UPDATE "User" u SET "followingCount" = u."followingCount" - 1
      FROM "Follow" f WHERE f."followingId" = ${userId} AND u.id = f."followerId"`,
  ];
  // In order, on the one connection of the transaction.
  for (const statement of statements) await tx.$executeRaw(statement);
}
