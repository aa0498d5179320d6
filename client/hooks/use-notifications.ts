import { useInfiniteQuery } from "@tanstack/react-query";
import { pagedQuery } from "@/client/paged-query";
import { notificationKeys } from "@/client/query-keys";
import type { TNotification } from "@/lib/notifications/notifications.types";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** The viewer's notifications, grouped by the API, a page at a time, newest first. */
export function useNotifications() {
  return useInfiniteQuery(
    pagedQuery<TNotification>(
      notificationKeys.list(),
      "/api/notifications",
      NOTIFICATIONS_PAGE_SIZE,
    ),
  );
}
