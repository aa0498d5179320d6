import { useQuery } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { notificationKeys } from "@/client/query-keys";
import type { TUnreadCount } from "@/lib/notifications/notifications.types";

// New notifications show up without a reload: the count is asked for again this often while the
// tab is visible (React Query pauses it in the background), and at once when the tab regains
// focus. One small indexed count per signed-in tab every 15 seconds.
export const UNREAD_POLL_MS = 15_000;

/** The viewer's unread notifications count, polled; `enabled` only when signed in. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => apiFetch<TUnreadCount>("/api/notifications/unread-count", { signal }),
    enabled,
    staleTime: 5_000,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    retry: retryUnlessClientError,
  });
}
