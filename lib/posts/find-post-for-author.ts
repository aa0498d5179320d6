import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Tx } from "@/lib/db";

/**
 * The post a change is about, checked to be the viewer's: 404 when it does not exist, 403 when
 * it is someone else's. Locks the row (FOR UPDATE) so a concurrent edit or delete waits.
 */
export async function findPostForAuthor(tx: Tx, postId: string, viewerId: string) {
  const [post] = await tx.$queryRaw<
    {
      id: string;
      authorId: string;
      text: string;
      contentWarning: string | null;
      createdAt: Date;
      editedAt: Date | null;
      likeCount: number;
    }[]
  >`SELECT id, "authorId", text, "contentWarning", "createdAt", "editedAt", "likeCount"
    FROM "Post" WHERE id = ${postId} FOR UPDATE`;
  if (!post) throw new ApiError("not_found", "No such post.");
  if (post.authorId !== viewerId) {
    throw new ApiError("forbidden", "Only the author can change this post.");
  }
  return post;
}
