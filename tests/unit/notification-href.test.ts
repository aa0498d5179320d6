import { describe, expect, it } from "vitest";
import { notificationHref } from "@/lib/notifications/notification-href";
import {
  NOTIFICATION_KINDS,
  type TNotification,
  type TNotificationKind,
} from "@/lib/notifications/notifications.types";

const ada = { id: "u1", username: "ada", displayName: "Ada", avatarId: null, avatarUrl: null };
const bob = { id: "u2", username: "bob", displayName: "Bob", avatarId: null, avatarUrl: null };

function item(
  kind: TNotificationKind,
  extra: Partial<Pick<TNotification, "actors" | "actorCount" | "post">> = {},
) {
  return { kind, actors: [ada], actorCount: 1, post: { id: "p1", excerpt: "Hi" }, ...extra };
}

describe("notificationHref", () => {
  it("opens the post for what happened to or on a post", () => {
    for (const kind of [
      "new_post",
      "like",
      "comment",
      "reply",
      "mention",
      "repost",
      "quote",
    ] as const) {
      expect(notificationHref(item(kind), "me"), kind).toBe("/p/p1");
    }
  });

  it("opens the person when the post has gone since", () => {
    expect(notificationHref(item("like", { post: null }), "me")).toBe("/u/ada");
    expect(notificationHref(item("comment", { post: null, actors: [] }), "me")).toBe(
      "/notifications",
    );
  });

  it("opens the follower, or the followers list for a group", () => {
    expect(notificationHref(item("follow", { post: null }), "me")).toBe("/u/ada");
    expect(
      notificationHref(item("follow", { post: null, actors: [ada, bob], actorCount: 2 }), "me"),
    ).toBe("/u/me/followers");
  });

  it("opens earnings for money received, the post bought for a receipt", () => {
    expect(notificationHref(item("payment_received"), "me")).toBe("/earnings");
    expect(notificationHref(item("purchase_receipt"), "me")).toBe("/p/p1");
    expect(notificationHref(item("purchase_receipt", { post: null }), "me")).toBe("/purchases");
  });

  it("opens settings for the welcome and a finished export", () => {
    expect(notificationHref(item("welcome", { actors: [], post: null }), "me")).toBe(
      "/settings/profile",
    );
    expect(notificationHref(item("export_ready", { actors: [], post: null }), "me")).toBe(
      "/settings/account",
    );
  });

  it("gives every kind a page of the app", () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(notificationHref(item(kind), "me")).toMatch(/^\/[a-z]/);
    }
  });
});
