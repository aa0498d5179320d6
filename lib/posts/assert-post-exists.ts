import "server-only";
import { ApiError } from "@/lib/api/errors";
import { Prisma, type Tx } from "@/lib/db";
import { blockedError } from "@/lib/safety/assert-not-blocked";
import { blocksBetweenSql } from "@/lib/safety/visibility";

/** For a write that reaches the post's author: refused (403) when either blocks the other. */
type BlockCheck = { viewerId: string; action: string };

/**
 * Checks, inside an engagement write's transaction, that the post exists (404 otherwise) and
 * answers its author. Given `blocks`, also refuses the write (403) when the viewer and the
 * author block each other, read in the same statement so the check costs no extra query.
 *
 * The row is locked FOR KEY SHARE, taken first so that every engagement write locks in the same
 * order: many likers, reactors and commenters hold it at once (it doesn't conflict with their
 * counter updates), but deletePost's FOR UPDATE waits for them, and they wait for it. Without
 * it, an unlike holding its Like row while waiting to decrement the post, and a delete holding
 * the post while cascading to that Like row, would deadlock; and deletePost would take the
 * likes off the author's total before a concurrent like had counted.
 */
export async function assertPostExists(
  tx: Tx,
  postId: string,
  blocks?: BlockCheck,
): Promise<{ authorId: string }> {
  const viewerId = blocks?.viewerId ?? null;
  const blocker = viewerId
    ? Prisma.sql`(${blocksBetweenSql(viewerId, Prisma.raw(`p."authorId"`))} LIMIT 1)`
    : Prisma.sql`NULL::text`;
  const [post] = await tx.$queryRaw<{ authorId: string; blockerId: string | null }[]>`
    SELECT p."authorId", ${blocker} AS "blockerId" FROM "Post" p
    WHERE p.id = ${postId} FOR KEY SHARE OF p`;
  if (!post) throw new ApiError("not_found", "No such post.");
  if (blocks && post.blockerId)
    throw blockedError(post.blockerId === blocks.viewerId, blocks.action);
  return { authorId: post.authorId };
}
