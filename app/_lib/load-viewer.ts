import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { ApiError } from "@/lib/api/errors";
import { resolveViewer } from "@/lib/auth/resolve-viewer";

/**
 * Who is looking at the page, from the session cookie, checked against the Session table like
 * every API request; null when signed out. Cached per request.
 */
export const loadViewer = cache(async () => {
  try {
    return await resolveViewer({ headers: await headers(), cookies: await cookies() });
  } catch (error) {
    // A malformed credential is "signed out" for a page; the API is where it gets an error.
    if (error instanceof ApiError) return null;
    throw error;
  }
});
