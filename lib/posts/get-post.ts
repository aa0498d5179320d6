import "server-only";
import { ApiError } from "@/lib/api/errors";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

export async function getPost(postId: string, viewerId?: string): Promise<TPost> {
  const [post] = await loadPosts([postId], viewerId);
  if (!post) throw new ApiError("not_found", "No such post.");
  return post;
}
