import "server-only";
import { Prisma, type Tx } from "@/lib/db";

/**
 * Before a deleted account's comments go (after releaseCounters has counted them off): its
 * top-level comments that other people replied to become "[deleted]" placeholders, so those
 * replies stay with their context, as when the author deletes one comment
 * (lib/posts/remove-comment-row.ts); and placeholders whose only replies were the account's are
 * removed with them, since nothing would be left under them.
 */
export async function keepReplyThreads(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Comment" c
    SET "deletedAt" = now(), text = '', "authorId" = NULL, "replyToUserId" = NULL
    WHERE c."authorId" = ${userId} AND c."parentId" IS NULL
      AND EXISTS (SELECT 1 FROM "Comment" r WHERE r."parentId" = c.id AND r."authorId" <> ${userId})`);
  await tx.$executeRaw(Prisma.sql`
    DELETE FROM "Comment" c
    WHERE c."deletedAt" IS NOT NULL AND c."replyCount" <= 0
      AND c.id IN (SELECT "parentId" FROM "Comment"
                   WHERE "authorId" = ${userId} AND "parentId" IS NOT NULL)`);
}
