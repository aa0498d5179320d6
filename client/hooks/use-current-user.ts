import { useQuery } from "@tanstack/react-query";
import { useSession } from "next-auth/react";
import { ApiClientError, apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { userKeys } from "@/client/query-keys";
import type { TCurrentUser } from "@/lib/users/users.types";

async function fetchCurrentUser(signal: AbortSignal): Promise<TCurrentUser | null> {
  try {
    return await apiFetch<TCurrentUser>("/api/auth/me", { signal });
  } catch (error) {
    // A session cookie whose server-side session was revoked: signed out, not an error.
    if (error instanceof ApiClientError && error.status === 401) return null;
    throw error;
  }
}

/**
 * The signed-in user, or null when signed out; undefined while that is not known yet.
 * Asks /api/auth/me only when next-auth says there is a session.
 */
export function useCurrentUser() {
  const { status } = useSession();
  const query = useQuery({
    queryKey: userKeys.me(),
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    enabled: status === "authenticated",
    retry: retryUnlessClientError,
  });
  const user = status === "unauthenticated" ? null : query.data;
  return { ...query, user, sessionStatus: status };
}
