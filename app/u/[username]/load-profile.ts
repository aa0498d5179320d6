import "server-only";
import { cache } from "react";
import { findNul } from "@/lib/api/assert-no-nul";
import { ApiError } from "@/lib/api/errors";
import { loadViewer } from "@/app/_lib/load-viewer";
import { getPublicProfile } from "@/lib/users/get-public-profile";
import type { TPublicUser } from "@/lib/users/users.types";

/**
 * A profile as the viewer sees it, or null when there is no such user. Cached per request, so
 * generateMetadata and the page share one query.
 */
export const loadProfile = cache(async (ref: string): Promise<TPublicUser | null> => {
  // No user's name or id holds a NUL, and PostgreSQL would refuse the query (assert-no-nul.ts).
  if (findNul(ref)) return null;
  const viewer = await loadViewer();
  try {
    return await getPublicProfile(ref, viewer?.userId);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
});
