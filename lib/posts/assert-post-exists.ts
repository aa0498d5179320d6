import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Tx } from "@/lib/db";

/**
 * Checks, inside an engagement write's transaction, that the post exists (404 otherwise) and
 * answers its author.
 *
 * The row is locked FOR KEY SHARE, taken first so that every engagement write locks in the same
 * order: many likers, reactors and commenters hold it at once (it doesn't conflict with their
 * counter updates), but deletePost's FOR UPDATE waits for them, and they wait for it. Without
 * it, an unlike holding its Like row while waiting to decrement the post, and a delete holding
 * the post while cascading to that Like row, would deadlock; and deletePost would take the
 * likes off the author's total before a concurrent like had counted.
 */
export async function assertPostExists(tx: Tx, postId: string): Promise<{ authorId: string }> {
  const [post] = await tx.$queryRaw<{ authorId: string }[]>`
    SELECT "authorId" FROM "Post" WHERE id = ${postId} FOR KEY SHARE`;
  if (!post) throw new ApiError("not_found", "No such post.");
  return post;
}
