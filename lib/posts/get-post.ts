import "server-only";
import { ApiError } from "@/lib/api/errors";
import { Prisma, queryRows } from "@/lib/db";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

/**
 * One post. A post by an account the viewer may not see (suspended, deleted, blocked either way)
 * is unknown (404); a muted author's post opens from a link. The check runs beside the page load,
 * so it adds a statement but no wait.
 */
export async function getPost(postId: string, viewerId?: string): Promise<TPost> {
  const [visible, post] = await Promise.all([
    queryRows<{ id: string }>(Prisma.sql`
      SELECT p.id FROM "Post" p
      WHERE p.id = ${postId}
        AND ${visibleAuthorSql(Prisma.raw(`p."authorId"`), viewerId ?? null, { includeMuted: true })}`),
    answerPost(postId, viewerId),
  ]);
  if (visible.length === 0) throw new ApiError("not_found", "No such post.");
  return post;
}

/**
 * The post as the viewer now sees it, answered by a write (like, react, save) that has already
 * refused blocked pairs in its own statement (assertPostExists), so no second check here.
 */
export async function answerPost(postId: string, viewerId?: string): Promise<TPost> {
  const [post] = await loadPosts([postId], viewerId);
  if (!post) throw new ApiError("not_found", "No such post.");
  return post;
}
