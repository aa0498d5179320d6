import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";

/**
 * A profile may pin only a post its owner wrote. Someone else's post and a post that doesn't
 * exist get the same answer, so pinning can't probe for posts hidden from the user.
 */
export async function assertOwnPost(userId: string, postId: string): Promise<void> {
  const post = await db.post.findFirst({
    where: { id: postId, authorId: userId },
    select: { id: true },
  });
  if (!post) {
    throw new ApiError("unprocessable", "You can pin only your own posts.", {
      details: { field: "pinnedPostId" },
    });
  }
}
