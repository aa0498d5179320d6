import "server-only";
import { db } from "@/lib/db";
import { assertPostExists } from "./assert-post-exists";
import { getPost } from "./get-post";
import type { TPost } from "./posts.types";

/** Removes a post from the viewer's saved list. Idempotent. */
export async function unsavePost(postId: string, viewerId: string): Promise<TPost> {
  await db.$transaction(async (tx) => {
    // An unknown post is a 404 rather than a silent no-op, as for every engagement write.
    await assertPostExists(tx, postId);
    await tx.save.deleteMany({ where: { userId: viewerId, postId } });
  });
  return getPost(postId, viewerId);
}
