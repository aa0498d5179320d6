import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROVER_FUNCTIONS } from "@/inngest/functions";
import { db } from "@/lib/db";
import { dispatchDueEvents } from "@/lib/events/dispatcher";
import { registerFunctions } from "@/lib/events/function-registry";
import { EventPayloadError, publishEvent } from "@/lib/events/publish-event";
import { useTestDatabase } from "@/tests/support/test-database";
import { follow, makePost, makeUser, notificationsOf } from "./fixtures";

// The outbox as the app uses it, against a real database: publishing inside a transaction, and
// the dispatcher's passes in the embedded default (functions run in-process, no Inngest).
process.env.EVENTS_FANOUT_BATCH_SIZE = "2";
process.env.EVENTS_RETRY_BASE_MS = "60000";
delete process.env.INNGEST_EVENT_KEY;
delete process.env.INNGEST_DEV;
process.env.LOG_LEVEL = "error";
// What instrumentation.ts does at boot: hand the dispatcher the functions.
registerFunctions(GROVER_FUNCTIONS);

let cleanup: (() => Promise<void>) | undefined;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(async () => cleanup?.(), 60_000);

/** Runs passes until one finds nothing due (each pass takes a bounded batch). */
async function drain() {
  let delivered = 0;
  for (let i = 0; i < 20; i++) {
    const pass = await dispatchDueEvents();
    delivered += pass.delivered;
    if (pass.claimed === 0) return delivered;
  }
  throw new Error("the outbox did not drain");
}

describe("publishEvent", () => {
  it("rejects a payload that breaks its schema in the caller, and writes nothing", async () => {
    const author = await makeUser();
    const before = await db.outboxEvent.count();
    const error = await db
      .$transaction(async (tx) => {
        await tx.post.create({ data: { authorId: author.id, text: "never committed" } });
        await publishEvent(tx, "post.created", {
          postId: "p1",
          authorId: author.id,
          // @ts-expect-error -- the bug under test: a wrong type reaching publishEvent
          mentionedUserIds: "everyone",
        });
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventPayloadError);
    expect((error as Error).message).toMatch(
      /Event "post\.created" was not published.*mentionedUserIds/,
    );
    // The transaction rolled back: no event, and no post either.
    expect(await db.outboxEvent.count()).toBe(before);
    expect(await db.post.count({ where: { authorId: author.id } })).toBe(0);
  });

  it("checks rules across fields too (a payment from a creator to themself)", async () => {
    const user = await makeUser();
    const error = await db
      .$transaction((tx) =>
        publishEvent(tx, "payment.completed", {
          paymentId: "pay_1",
          kind: "tip",
          buyerId: user.id,
          creatorId: user.id,
          postId: null,
          amount: 100,
          currency: "usd",
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventPayloadError);
    expect((error as Error).message).toContain("currency: must be a 3-letter ISO 4217 code");
    expect((error as Error).message).toContain("creatorId: buyer and creator must differ");
  });
});

describe("the dispatcher, in-process", () => {
  it("delivers a published event to its function and marks it sent", async () => {
    const [star, fan] = [await makeUser(), await makeUser()];
    const id = await db.$transaction(async (tx) => {
      await tx.follow.create({ data: { followerId: fan.id, followingId: star.id } });
      return publishEvent(tx, "user.followed", { followerId: fan.id, followingId: star.id });
    });
    expect(await drain()).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(star.id)).toMatchObject([{ kind: "follow", actorId: fan.id }]);
    const row = await db.outboxEvent.findUniqueOrThrow({ where: { id } });
    expect(row.sentAt).not.toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.steps).toEqual({
      "user-followed-notify:notify-followed": 1,
      "user-followed-timeline:backfill": { inserted: 0 },
    });
  });

  it("schedules a failed event for a retry with backoff, keeping the error", async () => {
    // Written without publishEvent, as a newer or older release might have: it fails its schema
    // when the function receives it.
    const bad = await db.outboxEvent.create({
      data: { name: "user.followed", payload: { followerId: 42 } },
      select: { id: true },
    });
    const startedAt = Date.now();
    await drain();
    const row = await db.outboxEvent.findUniqueOrThrow({ where: { id: bad.id } });
    expect(row.sentAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/followerId/);
    // EVENTS_RETRY_BASE_MS is 60 s here: the first retry waits 30-60 s (jitter).
    const waitMs = row.availableAt.getTime() - startedAt;
    expect(waitMs).toBeGreaterThan(25_000);
    expect(waitMs).toBeLessThan(65_000);
    // Not due yet, so the next pass leaves it alone.
    expect((await dispatchDueEvents()).claimed).toBe(0);
    await db.outboxEvent.delete({ where: { id: bad.id } });
  });

  it("resumes an interrupted run after its last recorded step", async () => {
    const author = await makeUser();
    const followers = [];
    for (let i = 0; i < 5; i++) {
      const follower = await makeUser();
      await follow(follower.id, author.id, new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
      followers.unshift(follower);
    }
    const post = await makePost(author.id);
    const second = await db.follow.findUniqueOrThrow({
      where: { followerId_followingId: { followerId: followers[1]!.id, followingId: author.id } },
      select: { createdAt: true },
    });
    // What a process that died after the first batch leaves behind: its steps recorded.
    const event = await db.outboxEvent.create({
      data: {
        name: "post.created",
        payload: { postId: post.id, authorId: author.id, mentionedUserIds: [] },
        attempts: 1,
        steps: {
          "post-created-notify:notify-mentioned": 0,
          "post-created-notify:notify-followers-0": {
            notified: 2,
            next: { t: second.createdAt.toISOString(), id: followers[1]!.id },
          },
        },
      },
      select: { id: true },
    });
    await drain();
    expect(await notificationsOf(followers[0]!.id)).toEqual([]);
    expect(await notificationsOf(followers[1]!.id)).toEqual([]);
    for (const follower of followers.slice(2))
      expect(await notificationsOf(follower.id)).toHaveLength(1);
    const row = await db.outboxEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.sentAt).not.toBeNull();
    expect(Object.keys(row.steps as object).sort()).toEqual([
      "post-created-link-preview:fetch-link-preview",
      "post-created-notify:notify-followers-0",
      "post-created-notify:notify-followers-1",
      "post-created-notify:notify-followers-2",
      "post-created-notify:notify-mentioned",
      // The post's fan-out into timelines (lib/timeline), beside the notifications.
      "post-created-timeline:close-gap",
      "post-created-timeline:followers-0",
      "post-created-timeline:followers-1",
      "post-created-timeline:followers-2",
      "post-created-timeline:start",
    ]);
  });

  // The embedded database runs one transaction at a time, so a lock held elsewhere would block
  // the pass rather than be skipped: this needs a real PostgreSQL (CI has one).
  it.skipIf(!process.env.DATABASE_URL || process.env.GROVER_EMBEDDED_DATABASE)(
    "skips events another replica has locked, and never claims one twice",
    async () => {
      const [star, a, b] = [await makeUser(), await makeUser(), await makeUser()];
      const [locked, free] = await db.$transaction(async (tx) => {
        await tx.follow.createMany({
          data: [a, b].map((u) => ({ followerId: u.id, followingId: star.id })),
        });
        return [
          await publishEvent(tx, "user.followed", { followerId: a.id, followingId: star.id }),
          await publishEvent(tx, "user.followed", { followerId: b.id, followingId: star.id }),
        ];
      });
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query("BEGIN");
        await other.query(`SELECT id FROM "OutboxEvent" WHERE id = $1 FOR UPDATE`, [locked]);
        await drain();
        expect(
          (await db.outboxEvent.findUniqueOrThrow({ where: { id: free } })).sentAt,
        ).not.toBeNull();
        expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: locked } })).attempts).toBe(
          0,
        );
      } finally {
        await other.query("ROLLBACK");
        await other.end();
      }
      await drain();
      expect(await notificationsOf(star.id)).toHaveLength(2);
      const rows = await db.outboxEvent.findMany({ where: { id: { in: [locked, free] } } });
      expect(rows.map((r) => r.attempts)).toEqual([1, 1]);
    },
  );
});
