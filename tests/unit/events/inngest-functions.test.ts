import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { hourlyCleanup } from "@/inngest/functions/hourly-cleanup";
import { paymentCompleted } from "@/inngest/functions/payment-completed";
import { postCommented } from "@/inngest/functions/post-commented";
import { postCreated } from "@/inngest/functions/post-created";
import { postLiked } from "@/inngest/functions/post-liked";
import { userCreated } from "@/inngest/functions/user-created";
import { userFollowed } from "@/inngest/functions/user-followed";
import { userMentioned } from "@/inngest/functions/user-mentioned";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/tests/support/test-database";
import { follow, makePost, makeUser, mute, notificationsOf, runWithInngest, uid } from "./fixtures";

// Every Grover function, run the way Inngest runs it (through @inngest/test's engine, step by
// step), against a real database. Small batches make post.created's fan-out take several steps.
process.env.EVENTS_FANOUT_BATCH_SIZE = "2";

let cleanup: (() => Promise<void>) | undefined;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(async () => cleanup?.(), 60_000);

describe("user.created", () => {
  it("welcomes the new user, once however often it runs", async () => {
    const user = await makeUser();
    const { result } = await runWithInngest(userCreated, "user.created", { userId: user.id });
    expect(result).toEqual({ welcomed: 1 });
    await runWithInngest(userCreated, "user.created", { userId: user.id });
    expect(await notificationsOf(user.id)).toMatchObject([{ kind: "welcome", actorId: null }]);
  });
});

describe("post.created", () => {
  async function authorWithFollowers(count: number) {
    const author = await makeUser();
    const followers = [];
    for (let i = 0; i < count; i++) {
      const follower = await makeUser();
      // Distinct times, so the batches' order (newest follow first) is known.
      await follow(follower.id, author.id, new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
      followers.push(follower);
    }
    return { author, followers: followers.reverse() };
  }

  it("tells every follower, a batch per step, and mentioned users with a mention instead", async () => {
    const { author, followers } = await authorWithFollowers(5);
    const [mentioned, muted, ...rest] = followers;
    const outsider = await makeUser();
    await mute(muted!.id, ["new_post"]);
    const post = await makePost(author.id, "Hi @someone");

    const data = {
      postId: post.id,
      authorId: author.id,
      mentionedUserIds: [mentioned!.id, outsider.id, author.id],
    };
    const { result, ctx } = await runWithInngest(postCreated, "post.created", data);

    // 5 followers, 2 a batch: three batch steps, the last one short.
    const stepIds = (ctx.step.run as unknown as { mock: { calls: unknown[][] } }).mock.calls.map(
      (c) => c[0],
    );
    expect(stepIds).toEqual([
      "notify-mentioned",
      "notify-followers-0",
      "notify-followers-1",
      "notify-followers-2",
    ]);
    expect(result).toEqual({ mentioned: 2, followers: 3 });
    for (const follower of rest) {
      expect(await notificationsOf(follower.id)).toMatchObject([
        { kind: "new_post", actorId: author.id, postId: post.id },
      ]);
    }
    expect(await notificationsOf(mentioned!.id)).toMatchObject([
      { kind: "mention", postId: post.id },
    ]);
    expect(await notificationsOf(outsider.id)).toMatchObject([
      { kind: "mention", postId: post.id },
    ]);
    expect(await notificationsOf(muted!.id)).toEqual([]);
    expect(await notificationsOf(author.id)).toEqual([]);

    // Delivered again (Inngest retrying the whole run): nothing new.
    const again = await runWithInngest(postCreated, "post.created", data);
    expect(again.result).toEqual({ mentioned: 0, followers: 0 });
    for (const follower of rest) expect(await notificationsOf(follower.id)).toHaveLength(1);
  });

  it("resumes after the last finished batch when retried", async () => {
    const { author, followers } = await authorWithFollowers(5);
    const post = await makePost(author.id);
    const second = await db.follow.findUniqueOrThrow({
      where: { followerId_followingId: { followerId: followers[1]!.id, followingId: author.id } },
      select: { createdAt: true },
    });
    // As Inngest replays a run: the first batch's step already finished, its output memoized.
    const { result } = await runWithInngest(
      postCreated,
      "post.created",
      { postId: post.id, authorId: author.id, mentionedUserIds: [] },
      {
        steps: [
          {
            id: "notify-followers-0",
            handler: () => ({
              notified: 2,
              next: { t: second.createdAt.toISOString(), id: followers[1]!.id },
            }),
          },
        ],
      },
    );
    // The run's total counts the memoized batch too (2), plus the three it told now.
    expect(result).toEqual({ mentioned: 0, followers: 5 });
    // The first batch is not run again; the rest are.
    expect(await notificationsOf(followers[0]!.id)).toEqual([]);
    expect(await notificationsOf(followers[1]!.id)).toEqual([]);
    for (const follower of followers.slice(2))
      expect(await notificationsOf(follower.id)).toHaveLength(1);
  });

  it("tells nobody about a post deleted before it ran", async () => {
    const { author, followers } = await authorWithFollowers(3);
    const post = await makePost(author.id);
    await db.post.delete({ where: { id: post.id } });
    const { result } = await runWithInngest(postCreated, "post.created", {
      postId: post.id,
      authorId: author.id,
      mentionedUserIds: [followers[0]!.id],
    });
    expect(result).toEqual({ mentioned: 0, followers: 0 });
  });
});

describe("post.liked", () => {
  it("tells the author once, never about their own like, an unliked post or when muted", async () => {
    const [author, fan, quitter, shy] = [
      await makeUser(),
      await makeUser(),
      await makeUser(),
      await makeUser(),
    ];
    const post = await makePost(author.id);
    await db.like.createMany({
      data: [fan, author].map((u) => ({ userId: u.id, postId: post.id })),
    });

    await runWithInngest(postLiked, "post.liked", {
      postId: post.id,
      authorId: author.id,
      likerId: fan.id,
    });
    await runWithInngest(postLiked, "post.liked", {
      postId: post.id,
      authorId: author.id,
      likerId: fan.id,
    });
    await runWithInngest(postLiked, "post.liked", {
      postId: post.id,
      authorId: author.id,
      likerId: author.id,
    });
    // Liked and unliked before the function ran.
    await runWithInngest(postLiked, "post.liked", {
      postId: post.id,
      authorId: author.id,
      likerId: quitter.id,
    });
    expect(await notificationsOf(author.id)).toMatchObject([
      { kind: "like", actorId: fan.id, postId: post.id },
    ]);

    const other = await makePost(shy.id);
    await mute(shy.id, ["like"]);
    await db.like.create({ data: { userId: fan.id, postId: other.id } });
    const { result } = await runWithInngest(postLiked, "post.liked", {
      postId: other.id,
      authorId: shy.id,
      likerId: fan.id,
    });
    expect(result).toEqual({ notified: 0 });
  });
});

describe("post.commented", () => {
  it("tells the post's author with an excerpt of the comment, once", async () => {
    const [author, commenter] = [await makeUser(), await makeUser()];
    const post = await makePost(author.id);
    const comment = await db.comment.create({
      data: { postId: post.id, authorId: commenter.id, text: "Lovely!" },
    });
    const data = {
      postId: post.id,
      authorId: author.id,
      commentId: comment.id,
      commenterId: commenter.id,
    };
    await runWithInngest(postCommented, "post.commented", data);
    await runWithInngest(postCommented, "post.commented", data);
    expect(await notificationsOf(author.id)).toMatchObject([
      {
        kind: "comment",
        actorId: commenter.id,
        postId: post.id,
        data: { commentId: comment.id, excerpt: "Lovely!" },
      },
    ]);
  });
});

describe("user.followed", () => {
  it("tells the followed user, unless they were unfollowed since", async () => {
    const [star, fan, fickle] = [await makeUser(), await makeUser(), await makeUser()];
    await follow(fan.id, star.id);
    await runWithInngest(userFollowed, "user.followed", {
      followerId: fan.id,
      followingId: star.id,
    });
    await runWithInngest(userFollowed, "user.followed", {
      followerId: fickle.id,
      followingId: star.id,
    });
    expect(await notificationsOf(star.id)).toMatchObject([{ kind: "follow", actorId: fan.id }]);
  });
});

describe("user.mentioned", () => {
  it("tells a user mentioned in a comment, with the comment's excerpt", async () => {
    const [author, commenter, mentioned] = [await makeUser(), await makeUser(), await makeUser()];
    const post = await makePost(author.id);
    const comment = await db.comment.create({
      data: { postId: post.id, authorId: commenter.id, text: `Look @${mentioned.username}` },
    });
    const data = {
      mentionedUserId: mentioned.id,
      actorId: commenter.id,
      postId: post.id,
      commentId: comment.id,
    };
    await runWithInngest(userMentioned, "user.mentioned", data);
    await runWithInngest(userMentioned, "user.mentioned", data);
    expect(await notificationsOf(mentioned.id)).toMatchObject([
      { kind: "mention", actorId: commenter.id, postId: post.id, data: { commentId: comment.id } },
    ]);

    // The post's author, mentioned in a comment on their post, hears about the comment instead.
    const { result } = await runWithInngest(userMentioned, "user.mentioned", {
      ...data,
      mentionedUserId: author.id,
    });
    expect(result).toEqual({ notified: 0 });
  });
});

describe("payment.completed", () => {
  it("tells the creator and sends the buyer a receipt, each once", async () => {
    const [creator, buyer] = [await makeUser("Creator"), await makeUser("Buyer")];
    const post = await makePost(creator.id);
    const payment = {
      paymentId: `pay_${uid()}`,
      kind: "post_purchase" as const,
      buyerId: buyer.id,
      creatorId: creator.id,
      postId: post.id,
      amount: 499,
      currency: "USD",
    };
    const { result } = await runWithInngest(paymentCompleted, "payment.completed", payment);
    expect(result).toEqual({ creator: 1, receipt: 1 });
    await runWithInngest(paymentCompleted, "payment.completed", payment);
    const data = {
      paymentId: payment.paymentId,
      paymentKind: "post_purchase",
      amount: 499,
      currency: "USD",
    };
    expect(await notificationsOf(creator.id)).toMatchObject([
      { kind: "payment_received", actorId: buyer.id, postId: post.id, data },
    ]);
    expect(await notificationsOf(buyer.id)).toMatchObject([
      { kind: "purchase_receipt", actorId: creator.id, postId: post.id, data },
    ]);
  });

  it("still sends the receipt when the creator muted payments", async () => {
    const [creator, buyer] = [await makeUser(), await makeUser()];
    await mute(creator.id, ["payment_received"]);
    const { result } = await runWithInngest(paymentCompleted, "payment.completed", {
      paymentId: `pay_${uid()}`,
      kind: "tip",
      buyerId: buyer.id,
      creatorId: creator.id,
      postId: null,
      amount: 300,
      currency: "EUR",
    });
    expect(result).toEqual({ creator: 0, receipt: 1 });
    expect(await notificationsOf(buyer.id)).toMatchObject([
      { kind: "purchase_receipt", postId: null },
    ]);
  });
});

describe("hourly-cleanup", () => {
  it("removes day-old unattached media and idempotency keys, week-old exports, and events sent over a week ago", async () => {
    const owner = await makeUser();
    const day = 24 * 60 * 60 * 1000;
    const media = (createdAt: Date) => ({
      ownerId: owner.id,
      kind: "image" as const,
      mimeType: "image/webp",
      fileKey: `test/${uid()}.webp`,
      thumbnailKey: `test/${uid()}.webp`,
      width: 1,
      height: 1,
      size: 1,
      blurDataUrl: "data:image/webp;base64,",
      createdAt,
    });
    const stale = await db.media.create({
      data: media(new Date(Date.now() - 2 * day)),
      select: { id: true },
    });
    const fresh = await db.media.create({ data: media(new Date()), select: { id: true } });
    const old = await db.outboxEvent.create({
      data: { name: "user.created", payload: {}, sentAt: new Date(Date.now() - 8 * day) },
      select: { id: true },
    });
    const recent = await db.outboxEvent.create({
      data: { name: "user.created", payload: {}, sentAt: new Date(Date.now() - day) },
      select: { id: true },
    });

    const oldExport = await db.dataExport.create({
      data: { userId: owner.id, status: "ready", createdAt: new Date(Date.now() - 8 * day) },
      select: { id: true },
    });
    const newExport = await db.dataExport.create({
      data: { userId: owner.id, status: "ready", createdAt: new Date(Date.now() - day) },
      select: { id: true },
    });

    const key = (createdAt: Date) => ({
      userId: owner.id,
      key: uid(),
      requestHash: "-",
      createdAt,
    });
    const oldKey = await db.idempotencyKey.create({
      data: key(new Date(Date.now() - day - 60_000)),
      select: { id: true },
    });
    const newKey = await db.idempotencyKey.create({
      data: key(new Date(Date.now() - day + 60_000)),
      select: { id: true },
    });

    const engine = new InngestTestEngine({ function: hourlyCleanup.inngestFunction });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ media: expect.any(Number), events: expect.any(Number) });
    expect(await db.dataExport.findUnique({ where: { id: oldExport.id } })).toBeNull();
    expect(await db.dataExport.findUnique({ where: { id: newExport.id } })).not.toBeNull();
    expect(await db.media.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await db.media.findUnique({ where: { id: fresh.id } })).not.toBeNull();
    expect(await db.outboxEvent.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.outboxEvent.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db.idempotencyKey.findUnique({ where: { id: oldKey.id } })).toBeNull();
    expect(await db.idempotencyKey.findUnique({ where: { id: newKey.id } })).not.toBeNull();
  });

  it("does the timeline work of a post whose event was lost, an hour on", async () => {
    const [author, fan] = [await makeUser(), await makeUser()];
    await db.follow.create({ data: { followerId: fan.id, followingId: author.id } });
    await db.user.update({ where: { id: author.id }, data: { followersCount: 1 } });
    // Written without its post.created: the trigger left a gap, no worker will close it.
    const post = await db.post.create({
      data: { authorId: author.id, text: "lost event" },
      select: { id: true },
    });
    const hourAgo = new Date(Date.now() - 61 * 60 * 1000);
    await db.timelineGap.updateMany({
      where: { OR: [{ postId: post.id }, { followerId: fan.id }] },
      data: { createdAt: hourAgo },
    });

    const engine = new InngestTestEngine({ function: hourlyCleanup.inngestFunction });
    const { error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(
      await db.timelineGap.count({ where: { OR: [{ postId: post.id }, { followerId: fan.id }] } }),
    ).toBe(0);
    expect(
      await db.timelineEntry.findMany({
        where: { postId: post.id },
        select: { userId: true },
        orderBy: { userId: "asc" },
      }),
    ).toEqual(
      [{ userId: author.id }, { userId: fan.id }].sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    );
  });
});
