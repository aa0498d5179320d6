import { useQuery } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError, toQueryString } from "@/client/api-fetch";
import { discoveryKeys } from "@/client/query-keys";
import type { TSuggestedUser, TTrendingTag } from "@/lib/discovery/discovery.types";

export const TRENDING_LIMIT = 10;
export const SUGGESTIONS_LIMIT = 5;

/** Explore's trending tags; pages that render on the server hand the first answer down. */
export function useTrendingTags() {
  return useQuery({
    queryKey: discoveryKeys.trending(),
    queryFn: ({ signal }) =>
      apiFetch<{ items: TTrendingTag[] }>(
        `/api/tags/trending${toQueryString({ limit: TRENDING_LIMIT })}`,
        { signal },
      ),
    retry: retryUnlessClientError,
  });
}

/**
 * Who to follow. Not refetched on focus: a list that reshuffles while someone is following
 * people from it would move the next button away from their finger.
 */
export function useSuggestions() {
  return useQuery({
    queryKey: discoveryKeys.suggestions(),
    queryFn: ({ signal }) =>
      apiFetch<{ items: TSuggestedUser[] }>(
        `/api/users/suggestions${toQueryString({ limit: SUGGESTIONS_LIMIT })}`,
        { signal },
      ),
    refetchOnWindowFocus: false,
    retry: retryUnlessClientError,
  });
}
