import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { pagedQuery } from "@/client/paged-query";
import { userKeys } from "@/client/query-keys";
import type { TUserSummary } from "@/lib/users/users.types";
import { useDebouncedValue } from "./use-debounced-value";

export const SEARCH_MAX_LENGTH = 50;
const SEARCH_PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;

/** What the API will search for: trimmed, without a leading @, at most 50 characters. */
export function normaliseSearchQuery(input: string): string {
  return input.trim().replace(/^@+/, "").slice(0, SEARCH_MAX_LENGTH).trim();
}

// "." and ".." would be resolved away as path segments before they reach the API.
const searchable = (query: string) => query !== "" && query !== "." && query !== "..";

/**
 * People matching what the user is typing: waits until typing pauses, then pages through
 * results. Keeps showing the previous results while the next ones load, so the list doesn't
 * flash empty on every keystroke.
 */
export function useUserSearch(input: string) {
  const query = normaliseSearchQuery(input);
  const debouncedQuery = useDebouncedValue(query, DEBOUNCE_MS);
  const result = useInfiniteQuery({
    ...pagedQuery<TUserSummary>(
      userKeys.search(debouncedQuery.toLowerCase()),
      `/api/users/search/${encodeURIComponent(debouncedQuery)}`,
      SEARCH_PAGE_SIZE,
    ),
    enabled: searchable(debouncedQuery),
    placeholderData: keepPreviousData,
  });
  return {
    ...result,
    query,
    debouncedQuery,
    isSearchable: searchable(debouncedQuery),
    isDebouncing: query !== debouncedQuery,
  };
}
