import { useQuery } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { userKeys } from "@/client/query-keys";
import type { TPublicUser } from "@/lib/users/users.types";

export function profilePath(ref: string): string {
  return `/api/users/${encodeURIComponent(ref)}`;
}

/** A public profile by username, with the viewer's relation when signed in. */
export function useProfile(username: string) {
  return useQuery({
    queryKey: userKeys.profile(username),
    queryFn: ({ signal }) => apiFetch<TPublicUser>(profilePath(username), { signal }),
    retry: retryUnlessClientError,
  });
}
