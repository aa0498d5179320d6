"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useSession } from "next-auth/react";
import { useEffect, useRef } from "react";
import { formErrorMessage } from "@/client/field-errors";
import { useCurrentUser } from "@/client/hooks/use-current-user";
import { useMarkNotificationsRead } from "@/client/hooks/use-mark-notifications-read";
import { useNotifications } from "@/client/hooks/use-notifications";
import { useUnreadCount } from "@/client/hooks/use-unread-count";
import { notificationKeys } from "@/client/query-keys";
import { EmailSettingsForm } from "@/components/forms/email-settings-form";
import { NotificationSettingsForm } from "@/components/forms/notification-settings-form";
import { NotificationItem } from "@/components/notifications/notification-item";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

function NotificationListSkeleton() {
  return (
    <div role="status" className="space-y-2">
      <span className="sr-only">Loading notifications…</span>
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="flex items-center gap-3 px-3 py-3">
          <Skeleton className="size-11 shrink-0 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className={`h-4 ${i % 2 ? "w-3/5" : "w-4/5"}`} />
            <Skeleton className="h-3 w-1/5" />
          </div>
        </div>
      ))}
    </div>
  );
}

function BellOutline() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" className="size-6">
      <path d="M6 9.5a6 6 0 0 1 12 0c0 5 2 6.5 2 6.5H4s2-1.5 2-6.5z" />
      <path d="M10 19.5a2.2 2.2 0 0 0 4 0" />
    </svg>
  );
}

export function NotificationsScreen() {
  const { status } = useSession();
  const { user } = useCurrentUser();
  const query = useNotifications();
  const unread = useUnreadCount(status === "authenticated");
  const markRead = useMarkNotificationsRead();
  const queryClient = useQueryClient();

  // The bell's polled count going up means something new arrived: show it here too.
  const count = unread.data?.count;
  const lastCount = useRef(count);
  useEffect(() => {
    if (count !== undefined && lastCount.current !== undefined && count > lastCount.current) {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list() });
    }
    lastCount.current = count;
  }, [count, queryClient]);

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const anyUnread = (count ?? 0) > 0 || items.some((item) => !item.read);

  // Seeing the list is reading it: mark read up to the newest item shown (not `all`, so one
  // that arrives in between stays unread), once per newest item. When something new arrives
  // while the page is open, the list reloads (above) and this marks it too.
  const newest = items[0];
  const markedUpTo = useRef<string | null>(null);
  const { mutate: markReadMutate } = markRead;
  useEffect(() => {
    if (!newest || !anyUnread || markedUpTo.current === newest.id) return;
    markedUpTo.current = newest.id;
    markReadMutate({ upTo: newest.id });
  }, [newest, anyUnread, markReadMutate]);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Notifications</h1>
        <button
          type="button"
          onClick={() => markRead.mutate({ all: true })}
          disabled={!anyUnread || markRead.isPending}
          className={buttonClassName({ variant: "secondary", size: "sm" })}
        >
          Mark all as read
        </button>
      </div>
      {markRead.isError ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          Couldn&rsquo;t mark them read: {formErrorMessage(markRead.error)}
        </p>
      ) : null}

      <section aria-label="Your notifications">
        {query.status === "pending" ? (
          <NotificationListSkeleton />
        ) : query.status === "error" ? (
          <ErrorState
            title="Couldn't load your notifications"
            onRetry={() => void query.refetch()}
            retrying={query.isRefetching}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<BellOutline />}
            title="No notifications yet"
            description="When someone follows you, likes or comments on your posts, or mentions you, it shows up here."
            action={
              <Link href="/explore" className={buttonClassName()}>
                Find people to follow
              </Link>
            }
          />
        ) : (
          <>
            <ul className="space-y-1" aria-busy={query.isFetchingNextPage || undefined}>
              {items.map((item) => (
                <li key={item.id}>
                  <NotificationItem
                    item={item}
                    viewerUsername={user?.username}
                    onOpen={(opened) => {
                      if (!opened.read) markRead.mutate({ ids: opened.ids });
                    }}
                  />
                </li>
              ))}
            </ul>
            <div className="flex flex-col items-center gap-2 pt-4">
              {query.isFetchNextPageError ? (
                <p role="alert" className="text-sm font-medium text-red-700">
                  Couldn&rsquo;t load more notifications.
                </p>
              ) : null}
              {query.hasNextPage ? (
                <button
                  type="button"
                  onClick={() => {
                    if (!query.isFetchingNextPage) void query.fetchNextPage();
                  }}
                  aria-disabled={query.isFetchingNextPage || undefined}
                  className={buttonClassName({ variant: "secondary" })}
                >
                  {query.isFetchingNextPage ? (
                    <>
                      <Spinner /> Loading…
                    </>
                  ) : query.isFetchNextPageError ? (
                    "Try again"
                  ) : (
                    "Load more"
                  )}
                </button>
              ) : query.data.pages.length > 1 ? (
                <p className="text-sm text-stone-600">That&rsquo;s everything.</p>
              ) : null}
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="notification-settings" className="space-y-2">
        <h2 id="notification-settings" className="text-lg font-semibold">
          Notify me about
        </h2>
        <NotificationSettingsForm />
      </section>

      <section aria-labelledby="email-settings" className="space-y-2">
        <h2 id="email-settings" className="scroll-mt-20 text-lg font-semibold">
          Email me about
        </h2>
        <EmailSettingsForm />
      </section>
    </div>
  );
}
