import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError, toQueryString } from "@/client/api-fetch";
import { userKeys, type FollowListKind } from "@/client/query-keys";
import type { Page } from "@/lib/api/page.types";
import type { TUserSummary } from "@/lib/users/users.types";

export const FOLLOW_LIST_PAGE_SIZE = 20;

/** A user's followers, or the people they follow, a page at a time, newest first. */
export function useFollowList(kind: FollowListKind, username: string) {
  return useInfiniteQuery({
    queryKey: userKeys.followList(kind, username),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<TUserSummary>>(
        `/api/users/${encodeURIComponent(username)}/${kind}${toQueryString({
          cursor: pageParam,
          limit: FOLLOW_LIST_PAGE_SIZE,
        })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: retryUnlessClientError,
  });
}
