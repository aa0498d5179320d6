import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requireViewer } from "@/app/_lib/require-viewer";
import { NOTIFICATIONS_PAGE_SIZE } from "@/client/hooks/use-notifications";
import { notificationKeys } from "@/client/query-keys";
import { log } from "@/lib/log";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { NotificationsScreen } from "./notifications-screen";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const viewer = await requireViewer("/notifications");

  // The first page arrives with the HTML; if loading it fails here, the list loads (and shows
  // its own error state) in the browser.
  const queryClient = new QueryClient();
  try {
    const first = await listNotifications(viewer.userId, { limit: NOTIFICATIONS_PAGE_SIZE });
    queryClient.setQueryData(notificationKeys.list(), { pages: [first], pageParams: [null] });
  } catch (error) {
    log.warn("prefetching notifications failed", { error });
  }

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NotificationsScreen />
    </HydrationBoundary>
  );
}
