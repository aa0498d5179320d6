import { z } from "zod";
import { ZEmailKindsPatchSchema, ZEmailKindsSchema } from "@/lib/mail/email-kinds";

export const NOTIFICATION_KINDS = [
  "welcome",
  "new_post",
  "like",
  "comment",
  "follow",
  "mention",
  "payment_received",
  "purchase_receipt",
  "export_ready",
  "repost",
  "quote",
  "reply",
] as const;

/**
 * The kinds a user may mute. Not the welcome (sent once, before anyone could mute it) and not
 * purchase receipts (a record of money spent, which a buyer should always get).
 */
export const MUTABLE_NOTIFICATION_KINDS = [
  "new_post",
  "like",
  "comment",
  "follow",
  "mention",
  "payment_received",
  "repost",
  "quote",
  "reply",
] as const;

/** The unread count stops here (the bell shows "999+"), so counting stays cheap. */
export const MAX_UNREAD_COUNT = 999;

export const ZNotificationKindSchema = z.enum(NOTIFICATION_KINDS).meta({ id: "NotificationKind" });
export const ZMutableNotificationKindSchema = z.enum(MUTABLE_NOTIFICATION_KINDS);

export const ZNotificationActorSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    avatarId: z.string().nullable(),
    avatarUrl: z
      .string()
      .nullable()
      .meta({ description: "The avatar's thumbnail (WebP, 400 px), or null when there is none." }),
  })
  .meta({ id: "NotificationActor" });

export const ZNotificationSchema = z
  .object({
    id: z.string().meta({ description: "The newest notification in this item." }),
    ids: z.array(z.string()).meta({
      description:
        "Every notification this item stands for (several when grouped): mark them read with these.",
    }),
    kind: ZNotificationKindSchema,
    count: z.int().meta({ description: "How many notifications this item groups (1 when alone)." }),
    actors: z.array(ZNotificationActorSchema).meta({
      description: "Who did it, newest first, at most 3; empty for the welcome.",
    }),
    actorCount: z.int().meta({ description: "How many different people are behind this item." }),
    post: z.object({ id: z.string(), excerpt: z.string() }).nullable(),
    data: z.record(z.string(), z.unknown()).meta({
      description:
        "Kind-specific details: `commentId` and `excerpt` for comments, replies and mentions in comments (a reply also has `parentId`, the comment it answers); `paymentId`, `amount` (minor units), `currency` and `paymentKind` for payments.",
    }),
    summary: z.string().meta({ example: "Ada Lovelace and 2 others liked your post" }),
    createdAt: z.iso.datetime(),
    read: z.boolean().meta({ description: "True when every notification in the item is read." }),
  })
  .meta({ id: "Notification" });

export const ZMarkNotificationsReadBodySchema = z
  .union([
    z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) }),
    z.strictObject({ all: z.literal(true) }),
    z.strictObject({
      upTo: z.string().min(1).max(64).meta({
        description:
          "A notification's id: it and every older one are marked, newer ones stay unread.",
      }),
    }),
  ])
  .meta({
    id: "MarkNotificationsRead",
    description: "`{ ids: [...] }`, `{ upTo: id }` or `{ all: true }`.",
  });

export const ZUnreadCountSchema = z
  .object({
    count: z
      .int()
      .meta({ description: `Unread notifications, counted up to ${MAX_UNREAD_COUNT}.` }),
  })
  .meta({ id: "UnreadCount" });

export const ZNotificationSettingsSchema = z
  .object({
    mutedKinds: z.array(ZMutableNotificationKindSchema),
    emailKinds: ZEmailKindsSchema,
  })
  .meta({ id: "NotificationSettings" });

export const ZUpdateNotificationSettingsBodySchema = z
  .strictObject({
    mutedKinds: z
      .array(ZMutableNotificationKindSchema)
      .max(MUTABLE_NOTIFICATION_KINDS.length * 2)
      .optional()
      .meta({ description: "Replaces the muted kinds; absent: they stay as they are." }),
    emailKinds: ZEmailKindsPatchSchema.optional().meta({
      description: "Switches the email kinds named on (true) or off; the others stay as they are.",
    }),
  })
  .refine((body) => body.mutedKinds !== undefined || body.emailKinds !== undefined, {
    message: "Send mutedKinds, emailKinds or both.",
  })
  .meta({ id: "UpdateNotificationSettings" });

export type TNotificationKind = z.infer<typeof ZNotificationKindSchema>;
export type TMutableNotificationKind = z.infer<typeof ZMutableNotificationKindSchema>;
export type TNotificationActor = z.infer<typeof ZNotificationActorSchema>;
export type TNotification = z.infer<typeof ZNotificationSchema>;
export type TMarkNotificationsReadBody = z.infer<typeof ZMarkNotificationsReadBodySchema>;
export type TUnreadCount = z.infer<typeof ZUnreadCountSchema>;
export type TNotificationSettings = z.infer<typeof ZNotificationSettingsSchema>;
export type TUpdateNotificationSettingsBody = z.infer<typeof ZUpdateNotificationSettingsBodySchema>;
