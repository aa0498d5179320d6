import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError, toQueryString } from "@/client/api-fetch";
import { notificationKeys } from "@/client/query-keys";
import type { Page } from "@/lib/api/page.types";
import type { TNotification } from "@/lib/notifications/notifications.types";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** The viewer's notifications, grouped by the API, a page at a time, newest first. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<TNotification>>(
        `/api/notifications${toQueryString({ cursor: pageParam, limit: NOTIFICATIONS_PAGE_SIZE })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: retryUnlessClientError,
  });
}
