import "server-only";
import { cache } from "react";
import { loadViewer } from "@/app/_lib/load-viewer";
import { findNul } from "@/lib/api/assert-no-nul";
import { ApiError } from "@/lib/api/errors";
import { getPost } from "@/lib/posts/get-post";
import type { TPost } from "@/lib/posts/posts.types";

/**
 * A post as the viewer sees it, or null when there is no such post. Cached per request, so
 * generateMetadata and the page share one query.
 */
export const loadPost = cache(async (id: string): Promise<TPost | null> => {
  // Ids are short opaque strings; anything else can't be one, and shouldn't reach the database.
  if (id.length === 0 || id.length > 64 || findNul(id)) return null;
  const viewer = await loadViewer();
  try {
    return await getPost(id, viewer?.userId);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
});
