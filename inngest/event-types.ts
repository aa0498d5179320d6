import { eventType } from "inngest";
import { EVENT_SCHEMAS } from "@/lib/events/event-schemas";

/** The events as Inngest trigger types, typed and validated by lib/events/event-schemas.ts. */
export const eventTypes = {
  "user.created": eventType("user.created", { schema: EVENT_SCHEMAS["user.created"] }),
  "user.followed": eventType("user.followed", { schema: EVENT_SCHEMAS["user.followed"] }),
  "post.created": eventType("post.created", { schema: EVENT_SCHEMAS["post.created"] }),
  "post.link.changed": eventType("post.link.changed", {
    schema: EVENT_SCHEMAS["post.link.changed"],
  }),
  "post.liked": eventType("post.liked", { schema: EVENT_SCHEMAS["post.liked"] }),
  "account.export.requested": eventType("account.export.requested", {
    schema: EVENT_SCHEMAS["account.export.requested"],
  }),
  "post.shared": eventType("post.shared", { schema: EVENT_SCHEMAS["post.shared"] }),
  "post.commented": eventType("post.commented", { schema: EVENT_SCHEMAS["post.commented"] }),
  "comment.replied": eventType("comment.replied", { schema: EVENT_SCHEMAS["comment.replied"] }),
  "user.mentioned": eventType("user.mentioned", { schema: EVENT_SCHEMAS["user.mentioned"] }),
  "payment.completed": eventType("payment.completed", {
    schema: EVENT_SCHEMAS["payment.completed"],
  }),
  "email.requested": eventType("email.requested", { schema: EVENT_SCHEMAS["email.requested"] }),
} satisfies { [N in keyof typeof EVENT_SCHEMAS]: { name: N } };
