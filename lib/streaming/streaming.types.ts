import { z } from "zod";
import { ZNotificationSchema } from "@/lib/notifications/notifications.types";

/** The streams a client may ask for (`?stream=user,home`). */
export const STREAM_NAMES = ["user", "home"] as const;
export type TStreamName = (typeof STREAM_NAMES)[number];

/** What a LiveEvent row is about (its `kind` column). */
export const LIVE_EVENT_KINDS = ["notification", "unread", "post", "delete"] as const;
export type TLiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/** A LiveEvent row to write (record-live-events.ts). */
export type NewLiveEvent =
  | { kind: "notification"; recipientId: string; notificationId: string }
  | { kind: "unread"; recipientId: string }
  | {
      kind: "post";
      authorId: string;
      postId: string;
      reposterId?: string;
      /** When it entered feeds: the post's time, or the repost's. */
      createdAt: Date;
    }
  | {
      kind: "delete";
      authorId: string;
      postId: string;
      /** An unrepost: the post leaves the feeds of this reposter's followers. */
      reposterId?: string;
      /** A deleted post: whoever had reposted it, whose followers had it in their feeds. */
      reposterIds?: string[];
    };

/** A LiveEvent row as the hub reads it. `id` is a decimal string (bigint). */
export type LiveEventRow = {
  id: string;
  kind: TLiveEventKind;
  recipientId: string | null;
  authorId: string | null;
  postId: string | null;
  reposterId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
};

/** One event as it goes out on the wire. */
export type SseEvent = { id: string; event: string; data: unknown };

// The event payloads, for the OpenAPI document and the README: one schema per `event:` type.
export const ZNotificationEventSchema = z
  .object({ notification: ZNotificationSchema, unreadCount: z.int() })
  .meta({ id: "StreamNotificationEvent", description: "`event: notification` (stream user)." });
export const ZUnreadEventSchema = z.object({ unreadCount: z.int() }).meta({
  id: "StreamUnreadEvent",
  description: "`event: unread` (stream user): the count changed without a new notification.",
});
export const ZPostEventSchema = z
  .object({
    id: z.string(),
    authorId: z.string(),
    createdAt: z.iso.datetime(),
    reposterId: z.string().optional(),
  })
  .meta({
    id: "StreamPostEvent",
    description:
      "`event: post` (stream home): a post, or a repost by `reposterId`, entered your home feed. Ids only: fetch the post to show it.",
  });
export const ZDeleteEventSchema = z.object({ id: z.string() }).meta({
  id: "StreamDeleteEvent",
  description: "`event: delete` (stream home): a post left your home feed.",
});
export const ZResyncEventSchema = z.object({}).meta({
  id: "StreamResyncEvent",
  description:
    "`event: resync` (any stream): events were missed that can't be replayed; refetch the feed and the count.",
});

export const ZStreamEventSchema = z
  .union([
    ZNotificationEventSchema,
    ZUnreadEventSchema,
    ZPostEventSchema,
    ZDeleteEventSchema,
    ZResyncEventSchema,
  ])
  .meta({
    id: "StreamEvent",
    description:
      "The `data:` line of an event (one line of JSON). Every event also has `id:` (increasing decimal) and `event:` (notification, unread, post, delete or resync); `: heartbeat` comments keep the connection open.",
  });
