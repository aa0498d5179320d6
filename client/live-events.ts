// What the live stream's events do to the browser's caches: the bell's count is set in place,
// lists refetch, and new home-feed posts are only counted (the feed shows "N new posts" instead
// of moving under the reader's eyes). The payloads are the streaming contract's.
import type { QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { TUnreadCount } from "@/lib/notifications/notifications.types";
import {
  ZDeleteEventSchema,
  ZPostEventSchema,
  ZUnreadEventSchema,
} from "@/lib/streaming/streaming.types";
import type { PostPages } from "./hooks/use-post-actions";
import type { NewPostsStore } from "./new-posts-store";
import { notificationKeys, postKeys } from "./query-keys";
import type { SseEvent } from "./sse-parser";

// The payloads' schemas are the server's own (lib/streaming/streaming.types.ts). `notification`
// also carries the notification itself; the list refetches it in its own shape, so only the
// count is read from it, through the `unread` schema.

function payload<T>(schema: z.ZodType<T>, data: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Takes a post out of the home feed's loaded pages. */
function removeFromFeed(queryClient: QueryClient, postId: string) {
  queryClient.setQueryData<PostPages>(postKeys.feed(), (data) => {
    if (!data?.pages.some((page) => page.items.some((post) => post.id === postId))) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.filter((post) => post.id !== postId),
      })),
    };
  });
}

export type LiveEventContext = {
  queryClient: QueryClient;
  viewerId: string;
  newPosts: NewPostsStore;
};

/** Applies one event of `/api/streaming?stream=user,home`; unknown or malformed events are ignored. */
export function applyLiveEvent(
  { queryClient, viewerId, newPosts }: LiveEventContext,
  event: SseEvent,
) {
  switch (event.event) {
    case "notification":
    case "unread": {
      const body = payload(ZUnreadEventSchema, event.data);
      if (!body) return;
      queryClient.setQueryData<TUnreadCount>(notificationKeys.unreadCount(), {
        count: body.unreadCount,
      });
      // A new one: the list refetches if the notifications page is open. Only read ones
      // (`unread`, which also follows the page's own "seen is read"): the list is refetched when
      // next shown, not now, so the open page keeps this visit's items highlighted as new.
      void queryClient.invalidateQueries({
        queryKey: notificationKeys.list(),
        refetchType: event.event === "notification" ? "active" : "none",
      });
      return;
    }
    case "post": {
      const body = payload(ZPostEventSchema, event.data);
      // The viewer's own posts and reposts are in the feed already: the composer put them there.
      if (!body || body.authorId === viewerId || body.reposterId === viewerId) return;
      newPosts.add(body.id);
      return;
    }
    case "delete": {
      const body = payload(ZDeleteEventSchema, event.data);
      if (!body) return;
      newPosts.remove(body.id);
      removeFromFeed(queryClient, body.id);
      return;
    }
    case "resync":
      // Events were lost: whatever they said, the server's answer now says it.
      newPosts.clear();
      void queryClient.invalidateQueries({ queryKey: notificationKeys.unreadCount() });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list() });
      void queryClient.invalidateQueries({ queryKey: postKeys.feed() });
      return;
  }
}
