import "server-only";
import { db } from "@/lib/db";
import { loadPosts } from "./load-posts";
import type { TCreatePostBody, TPost } from "./posts.types";
import { syncPostLinks } from "./sync-post-links";

/** Publishes a post: the row, its hashtags and mentions, and the author's count, all at once. */
export async function createPost(authorId: string, input: TCreatePostBody): Promise<TPost> {
  const id = await db.$transaction(async (tx) => {
    const post = await tx.post.create({
      data: { authorId, text: input.text, contentWarning: input.contentWarning ?? null },
      select: { id: true, createdAt: true },
    });
    await syncPostLinks(tx, post.id, input.text, post.createdAt);
    await tx.user.update({ where: { id: authorId }, data: { postsCount: { increment: 1 } } });
    return post.id;
  });
  const [post] = await loadPosts([id], authorId);
  return post!;
}
