import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Viewer } from "@/lib/auth/resolve-viewer";

/**
 * Refuses (403) anyone but a moderator or admin. The role comes with the viewer's session
 * (resolve-viewer reads it per request), so a revoked moderator loses access on the next request.
 * Every moderation handler calls it itself: no middleware to skip.
 */
export function requireModerator(viewer: Viewer): void {
  if (viewer.role !== "moderator" && viewer.role !== "admin") {
    throw new ApiError("forbidden", "Only moderators can do this.");
  }
}

/** Refuses (403) anyone but an admin. */
export function requireAdmin(viewer: Viewer): void {
  if (viewer.role !== "admin") throw new ApiError("forbidden", "Only admins can do this.");
}
