import "server-only";
import { cache } from "react";
import { ApiError } from "@/lib/api/errors";
import { loadViewer } from "@/app/_lib/load-viewer";
import { getPublicProfile } from "@/lib/users/get-public-profile";
import type { TPublicUser } from "@/lib/users/users.types";

/**
 * A profile as the viewer sees it, or null when there is no such user. Cached per request, so
 * generateMetadata and the page share one query.
 */
export const loadProfile = cache(async (ref: string): Promise<TPublicUser | null> => {
  const viewer = await loadViewer();
  try {
    return await getPublicProfile(ref, viewer?.userId);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
});
