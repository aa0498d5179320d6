"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/posts/post-card";
import { Avatar } from "@/components/users/avatar";
import { notificationHref } from "@/lib/notifications/notification-href";
import type { TNotification } from "@/lib/notifications/notifications.types";

/** What the item quotes: the comment that was written, or the post it is about. */
function excerptOf(item: TNotification): string | null {
  if (typeof item.data.excerpt === "string") return item.data.excerpt;
  return item.post?.excerpt ?? null;
}

function ActorAvatars({ item }: { item: TNotification }) {
  if (item.actors.length === 0) {
    return (
      <span
        aria-hidden="true"
        className="inline-flex size-11 shrink-0 items-center justify-center rounded-full bg-brand-600 text-lg font-bold text-white"
      >
        G
      </span>
    );
  }
  return (
    <span className="flex shrink-0 -space-x-4">
      {item.actors.map((actor) => (
        <Avatar
          key={actor.id}
          username={actor.username}
          displayName={actor.displayName}
          avatarUrl={actor.avatarUrl}
          className="ring-2 ring-white"
        />
      ))}
    </span>
  );
}

export type NotificationItemProps = {
  item: TNotification;
  viewerUsername: string | undefined;
  /** Called when the item is opened, to mark it read. */
  onOpen: (item: TNotification) => void;
};

/** One notification (or a group of them): the whole row is one link to what it is about. */
export function NotificationItem({ item, viewerUsername, onOpen }: NotificationItemProps) {
  const excerpt = excerptOf(item);
  return (
    <Link
      href={notificationHref(item, viewerUsername)}
      onClick={() => onOpen(item)}
      className={`flex items-start gap-3 rounded-xl px-3 py-3 hover:bg-stone-100 ${
        item.read ? "" : "bg-brand-50"
      }`}
    >
      <ActorAvatars item={item} />
      <span className="min-w-0 flex-1">
        <span className="block break-words text-stone-900 [overflow-wrap:anywhere]">
          {item.read ? null : <span className="sr-only">Unread: </span>}
          {item.summary}
        </span>
        {excerpt ? (
          <span className="mt-0.5 block truncate text-sm text-stone-600">
            &ldquo;{excerpt}&rdquo;
          </span>
        ) : null}
        <span className="mt-0.5 block text-xs text-stone-600">
          <RelativeTime iso={item.createdAt} />
        </span>
      </span>
      {item.read ? null : (
        <span aria-hidden="true" className="mt-2 size-2.5 shrink-0 rounded-full bg-brand-600" />
      )}
    </Link>
  );
}
