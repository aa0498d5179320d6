import { useQuery } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { notificationKeys } from "@/client/query-keys";
import type { TUnreadCount } from "@/lib/notifications/notifications.types";
import { useLiveStream } from "./use-live-stream";

// While the live stream is open it sets the count the moment it changes (use-live-stream.ts),
// so there is nothing to poll. When it is not (connecting, refused, the server down), the count
// is asked for again this often while the tab is visible (React Query pauses it in the
// background), and at once when the tab regains focus: one small indexed count per tab.
export const UNREAD_POLL_MS = 15_000;

/** The viewer's unread notifications count, live or polled; `enabled` only when signed in. */
export function useUnreadCount(enabled: boolean) {
  const { status } = useLiveStream();
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => apiFetch<TUnreadCount>("/api/notifications/unread-count", { signal }),
    enabled,
    staleTime: 5_000,
    refetchInterval: status === "open" ? false : UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    retry: retryUnlessClientError,
  });
}
