import "server-only";
import { db } from "@/lib/db";
import { assertPostExists } from "./assert-post-exists";
import { answerPost } from "./get-post";
import type { TPost } from "./posts.types";

/** Saves a post to the viewer's list. Idempotent: saving again keeps the first save's time. */
export async function savePost(postId: string, viewerId: string): Promise<TPost> {
  await db.$transaction(async (tx) => {
    await assertPostExists(tx, postId, { viewerId, action: "save their posts" });
    await tx.save.createMany({ data: [{ userId: viewerId, postId }], skipDuplicates: true });
  });
  return answerPost(postId, viewerId);
}
