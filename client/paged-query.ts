import type { QueryKey } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError, toQueryString } from "@/client/api-fetch";
import type { Page } from "@/lib/api/page.types";

/**
 * The options of an infinite query over one of the API's cursor-paginated lists
 * (`path?cursor=&limit=`, answered with `{ items, nextCursor }`), for `useInfiniteQuery`. Every
 * list in the UI pages the same way: from no cursor, to the last page's `nextCursor`.
 */
export function pagedQuery<T>(queryKey: QueryKey, path: string, limit: number) {
  return {
    queryKey,
    queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) => {
      // A path may carry its own query already (`/posts?filter=media`).
      const query = toQueryString({ cursor: pageParam, limit });
      const url = path.includes("?") && query ? `${path}&${query.slice(1)}` : `${path}${query}`;
      return apiFetch<Page<T>>(url, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<T>) => last.nextCursor,
    retry: retryUnlessClientError,
  };
}
