import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { pagedQuery } from "@/client/paged-query";
import { FEED_PAGE_SIZE, postListSource, type PostListSource } from "@/client/post-lists";
import type { TPost, TPostSearchSort } from "@/lib/posts/posts.types";
import { useDebouncedValue } from "./use-debounced-value";

export const POST_SEARCH_MAX_LENGTH = 100;
const SEARCH_DEBOUNCE_MS = 250;

/** Any list of posts, a page at a time, by its cache key and API path. */
export function useFeed(
  { queryKey, url }: PostListSource,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  return useInfiniteQuery({
    ...pagedQuery<TPost>(queryKey, url, FEED_PAGE_SIZE),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/** What the posts search will look for: trimmed, spaces collapsed, at most 100 characters. */
export function normalisePostQuery(input: string): string {
  return input.trim().replace(/\s+/g, " ").slice(0, POST_SEARCH_MAX_LENGTH).trim();
}

// "#" alone is no tag, and "." and ".." would be resolved away as path segments.
const searchable = (query: string) => query !== "" && !/^(#+|\.{1,2})$/.test(query);

/**
 * Posts matching what the user is typing (words, or a #tag): waits until typing pauses, and
 * keeps the previous results on screen while the next ones load.
 */
export function usePostSearch(input: string, sort: TPostSearchSort = "latest") {
  const query = normalisePostQuery(input);
  const debouncedQuery = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const isSearchable = searchable(debouncedQuery);
  const result = useFeed(postListSource({ kind: "search", query: debouncedQuery, sort }), {
    enabled: isSearchable,
    keepPrevious: true,
  });
  return { ...result, query, debouncedQuery, isSearchable, isDebouncing: query !== debouncedQuery };
}
