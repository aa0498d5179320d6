import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import { notificationKeys } from "@/client/query-keys";
import type { Page } from "@/lib/api/page.types";
import type {
  TMarkNotificationsReadBody,
  TNotification,
  TUnreadCount,
} from "@/lib/notifications/notifications.types";

type Pages = InfiniteData<Page<TNotification>>;

/**
 * Marks notifications read (`{ ids }`, `{ upTo }` or `{ all: true }`), optimistically: items
 * turn read and the bell's count drops at once, and go back if the server refuses.
 */
export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TMarkNotificationsReadBody) =>
      apiFetch<{ updated: number; unread: number }>("/api/notifications/read", {
        method: "POST",
        body,
      }),
    onMutate: async (body) => {
      // Only the queries this rewrites: cancelling all of ["notifications"] would also cancel
      // the settings' first load on the same page, leaving its form on a skeleton for good.
      await Promise.all([
        client.cancelQueries({ queryKey: notificationKeys.list() }),
        client.cancelQueries({ queryKey: notificationKeys.unreadCount() }),
      ]);
      const previousList = client.getQueryData<Pages>(notificationKeys.list());
      const previousCount = client.getQueryData<TUnreadCount>(notificationKeys.unreadCount());
      if ("upTo" in body) {
        // What the page showed when it opened: the bell clears at once, while the list keeps
        // this visit's items highlighted as new (as Bluesky does), so people still see what
        // they hadn't seen. The server's answer brings back anything newer than `upTo`.
        client.setQueryData<TUnreadCount>(notificationKeys.unreadCount(), (count) =>
          count ? { count: 0 } : count,
        );
        return { previousList, previousCount };
      }
      const marked = "ids" in body ? new Set(body.ids) : null;
      let newlyRead = 0;
      client.setQueryData<Pages>(notificationKeys.list(), (pages) =>
        pages
          ? {
              ...pages,
              pages: pages.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => {
                  if (item.read || (marked && !item.ids.some((id) => marked.has(id)))) return item;
                  newlyRead += item.count;
                  return { ...item, read: true };
                }),
              })),
            }
          : pages,
      );
      client.setQueryData<TUnreadCount>(notificationKeys.unreadCount(), (count) =>
        count ? { count: marked ? Math.max(0, count.count - newlyRead) : 0 } : count,
      );
      return { previousList, previousCount };
    },
    onError: (_error, _body, context) => {
      client.setQueryData(notificationKeys.list(), context?.previousList);
      client.setQueryData(notificationKeys.unreadCount(), context?.previousCount);
    },
    onSuccess: (result) => {
      client.setQueryData<TUnreadCount>(notificationKeys.unreadCount(), { count: result.unread });
    },
  });
}
