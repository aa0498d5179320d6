import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/events/retry-delay";
import { describeNotification } from "@/lib/notifications/describe-notification";
import { groupNotifications, type NotificationRow } from "@/lib/notifications/group-notifications";

describe("retryDelayMs", () => {
  it("doubles from the base with jitter in the upper half, up to 15 minutes", () => {
    expect(retryDelayMs(1, 2_000, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, 2_000, () => 1)).toBe(2_000);
    expect(retryDelayMs(4, 2_000, () => 1)).toBe(16_000);
    expect(retryDelayMs(40, 2_000, () => 1)).toBe(15 * 60 * 1000);
    const delays = Array.from({ length: 50 }, () => retryDelayMs(3, 1_000));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4_000);
  });
});

let n = 0;
const row = (
  kind: string,
  postId: string | null = null,
  actorId: string | null = "a",
): NotificationRow => ({
  id: `n${++n}`,
  kind,
  postId,
  actorId,
  createdAt: new Date(),
  readAt: null,
});

describe("groupNotifications", () => {
  it("groups consecutive likes of one post and consecutive follows, nothing else", () => {
    const rows = [
      row("like", "p1", "a"),
      row("like", "p1", "b"),
      row("like", "p2", "c"),
      row("like", "p1", "d"),
      row("follow", null, "e"),
      row("follow", null, "f"),
      row("comment", "p1", "g"),
      row("comment", "p1", "h"),
    ];
    const { groups, consumed } = groupNotifications(rows, 10);
    expect(groups.map((g) => g.rows.length)).toEqual([2, 1, 1, 2, 1, 1]);
    expect(consumed).toBe(8);
  });

  it("stops at `limit` items, leaving the next row for the next page", () => {
    const rows = [row("like", "p1"), row("like", "p1"), row("comment", "p1"), row("follow")];
    const { groups, consumed } = groupNotifications(rows, 2);
    expect(groups.map((g) => g.rows.length)).toEqual([2, 1]);
    expect(consumed).toBe(3);
  });
});

describe("describeNotification", () => {
  const actor = (displayName: string) => ({
    id: displayName,
    username: displayName,
    displayName,
    avatarId: null,
    avatarUrl: null,
  });

  it("names one, two, or the first and a count", () => {
    const like = (actors: string[], actorCount: number) =>
      describeNotification({ kind: "like", actors: actors.map(actor), actorCount, data: {} });
    expect(like(["Ada"], 1)).toBe("Ada liked your post");
    expect(like(["Ada", "Bob"], 2)).toBe("Ada and Bob liked your post");
    expect(like(["Ada", "Bob", "Cy"], 3)).toBe("Ada and 2 others liked your post");
    expect(like([], 0)).toBe("Someone liked your post");
  });

  it("formats payments from minor units", () => {
    const text = describeNotification({
      kind: "payment_received",
      actors: [actor("Ada")],
      actorCount: 1,
      data: { paymentKind: "tip", amount: 1250, currency: "USD" },
    });
    expect(text).toBe("Ada sent you a tip of $12.50");
  });
});
