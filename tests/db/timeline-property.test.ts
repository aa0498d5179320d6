import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";

// The home feed served from timelines (fan-out on write, lib/timeline) must show exactly what
// fanning out on read shows, whatever happened: on random small worlds, a random sequence of
// posts, reposts, follows, unfollows, blocks, mutes, muted words, deletes, suspensions and
// deletions of accounts, with the fan-out's steps run in a random order and interleaved with
// the rest (as a lagging worker would), a tiny cap and threshold so trims, floors and big
// accounts all happen, and a rebuild now and then. At every checkpoint, every user's feed is
// paged through both ways and must agree row for row. The seed is printed on failure.

let cleanup: () => Promise<void>;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(() => cleanup?.());

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const USERS = 6;
const CAP = 6;
const MAX_FOLLOWERS = 3;
const PAGE = 3;
const WORDS = ["apple", "pear", "plum", "fig"];

type Row = { id: string; createdAt: Date; reposter: { id: string } | null };
type Position = { t: string; id: string } | null;
type Step = () => Promise<unknown>;

async function runWorld(seed: number) {
  const { db } = await import("@/lib/db");
  const { queryRows } = await import("@/lib/db");
  const { fanOutOnReadSql } = await import("@/lib/posts/feed-ids-sql");
  const { readFeedPage } = await import("@/lib/posts/list-feed");
  const { startFanOut } = await import("@/lib/timeline/start-fan-out");
  const { fanOutBatch } = await import("@/lib/timeline/fan-out-batch");
  const { closeGap } = await import("@/lib/timeline/close-gap");
  const { backfillFollow } = await import("@/lib/timeline/backfill-follow");
  const { trimTimelines } = await import("@/lib/timeline/trim-timelines");
  const { rebuildTimelines } = await import("@/lib/timeline/rebuild-timelines");
  const { repairStaleGaps } = await import("@/lib/timeline/repair-stale-gaps");
  type Entry = Parameters<typeof startFanOut>[0];

  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  let clock = Date.UTC(2026, 0, 1) + seed * 10_000_000;
  const tick = () => new Date((clock += 1000));

  const users: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const user = await db.user.create({
      data: { email: `w${seed}u${i}@example.test`, username: `w${seed}u${i}`, displayName: "U" },
      select: { id: true },
    });
    users.push(user.id);
  }

  // The worker's pending jobs, each a list of steps; one step of a random job runs at a time.
  const jobs: Step[][] = [];
  function fanOut(entry: Entry) {
    // The steps of inngest/fan-out-to-timelines.ts, with a batch of 1 follower.
    let started: Awaited<ReturnType<typeof startFanOut>> | null = null;
    let after: { t: string; id: string } | null = null;
    let done = false;
    const steps: Step[] = [];
    const batch: Step = async () => {
      if (!started?.fanOut || done) return;
      const result = await fanOutBatch({ entry, after, batchSize: 1 });
      after = result.next;
      if (after) steps.splice(0, 0, batch);
      else done = true;
    };
    steps.push(
      async () => (started = await startFanOut(entry, MAX_FOLLOWERS)),
      batch,
      async () => closeGap(entry, started!.gapId),
    );
    jobs.push(steps);
  }
  async function runSteps(count: number) {
    for (let i = 0; i < count && jobs.length > 0; i++) {
      const index = Math.floor(next() * jobs.length);
      const step = jobs[index]!.shift()!;
      if (jobs[index]!.length === 0) jobs.splice(index, 1);
      await step();
    }
  }

  const follow = async (a: string, b: string) => {
    const { count } = await db.follow.createMany({
      data: [{ followerId: a, followingId: b, createdAt: tick() }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    await db.user.update({ where: { id: b }, data: { followersCount: { increment: 1 } } });
    jobs.push([() => backfillFollow({ followerId: a, followingId: b, cap: CAP })]);
  };
  const unfollow = async (a: string, b: string) => {
    const { count } = await db.follow.deleteMany({ where: { followerId: a, followingId: b } });
    if (count) {
      await db.user.update({ where: { id: b }, data: { followersCount: { decrement: 1 } } });
    }
  };

  const operations: Record<string, () => Promise<unknown>> = {
    post: async () => {
      const authorId = pick(users);
      const text = `${pick(WORDS)} ${pick(WORDS)}`;
      const post = await db.post.create({
        data: { authorId, text, createdAt: tick() },
        select: { id: true },
      });
      fanOut({ kind: "post", postId: post.id, sourceId: authorId });
    },
    repost: async () => {
      const post = await db.post.findFirst({ skip: Math.floor(next() * 20), select: { id: true } });
      if (!post) return;
      const userId = pick(users);
      const { count } = await db.repost.createMany({
        data: [{ userId, postId: post.id, createdAt: tick() }],
        skipDuplicates: true,
      });
      if (count) fanOut({ kind: "repost", postId: post.id, sourceId: userId });
    },
    unrepost: () => db.repost.deleteMany({ where: { userId: pick(users) } }),
    follow: () => follow(pick(users), pick(users)),
    unfollow: () => unfollow(pick(users), pick(users)),
    block: async () => {
      const [a, b] = [pick(users), pick(users)];
      if (a === b) return;
      await db.block.createMany({ data: [{ blockerId: a, blockedId: b }], skipDuplicates: true });
      await unfollow(a, b);
      await unfollow(b, a);
    },
    unblock: () => db.block.deleteMany({ where: { blockerId: pick(users) } }),
    mute: async () => {
      const [a, b] = [pick(users), pick(users)];
      if (a !== b) {
        await db.mute.createMany({ data: [{ muterId: a, mutedId: b }], skipDuplicates: true });
      }
    },
    unmute: () => db.mute.deleteMany({ where: { muterId: pick(users) } }),
    mutedWord: () =>
      db.mutedWord.createMany({
        data: [{ userId: pick(users), word: pick(WORDS) }],
        skipDuplicates: true,
      }),
    unmuteWord: () => db.mutedWord.deleteMany({ where: { userId: pick(users) } }),
    delete: async () => {
      const post = await db.post.findFirst({ skip: Math.floor(next() * 20), select: { id: true } });
      if (post) await db.post.delete({ where: { id: post.id } });
    },
    edit: async () => {
      const post = await db.post.findFirst({ skip: Math.floor(next() * 20), select: { id: true } });
      if (post) await db.post.update({ where: { id: post.id }, data: { text: pick(WORDS) } });
    },
    suspend: () =>
      db.user.update({
        where: { id: pick(users) },
        data: { suspendedAt: chance(0.5) ? new Date() : null },
      }),
    deleteAccount: () =>
      db.user.update({
        where: { id: pick(users) },
        data: { deletedAt: chance(0.3) ? new Date() : null },
      }),
    work: () => runSteps(1 + Math.floor(next() * 6)),
    // The worker loses a job (an event that failed for good); the hourly repair redoes it.
    lose: async () => {
      if (jobs.length > 0) jobs.splice(Math.floor(next() * jobs.length), 1);
    },
    repair: () =>
      repairStaleGaps({
        olderThan: new Date(Date.now() + 60_000),
        limit: 1_000,
        maxFollowers: MAX_FOLLOWERS,
        cap: CAP,
        batchSize: 1,
      }),
    trim: async () => {
      for (let after: string | null = null, first = true; first || after; first = false) {
        after = (await trimTimelines({ afterUserId: after, batchSize: 2, cap: CAP })).next;
      }
    },
    rebuild: async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        const since = chance(0.5) ? new Date(0) : new Date(clock - 20_000);
        await rebuildTimelines(client, { cap: CAP, maxFollowers: MAX_FOLLOWERS, since });
      } finally {
        await client.end();
      }
    },
  };
  const weights: [string, number][] = [
    ["post", 10],
    ["repost", 5],
    ["unrepost", 1],
    ["follow", 10],
    ["unfollow", 2],
    ["block", 1],
    ["unblock", 1],
    ["mute", 1],
    ["unmute", 1],
    ["mutedWord", 1],
    ["unmuteWord", 1],
    ["delete", 1],
    ["edit", 1],
    ["suspend", 1],
    ["deleteAccount", 0.5],
    ["work", 12],
    ["lose", 1],
    ["repair", 0.5],
    ["trim", 1],
    ["rebuild", 0.5],
  ];
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  const chooseOperation = () => {
    let r = next() * total;
    for (const [name, w] of weights) if ((r -= w) < 0) return name;
    return "work";
  };

  type Read = (viewer: string, after: Position, take: number, words: string[]) => Promise<Row[]>;
  // What the feed serves (the timeline, or fanned out on read when it can't serve the page),
  // paged as listFeed pages (once a page was fanned out on read, the next ones are too), and the
  // fan-out on read alone.
  let pastTimeline = false;
  const served: Read = async (viewer, after, take, words) => {
    if (!after) pastTimeline = false;
    const page = await readFeedPage(viewer, after, take, words, pastTimeline);
    pastTimeline = page.fannedOut;
    return page.rows.map((r) => ({ ...r, createdAt: r.entryAt }));
  };
  const fannedOut: Read = (...args) => queryRows<Row>(fanOutOnReadSql(...args));
  const page = async (read: Read, viewer: string, words: string[]) => {
    const seen: string[] = [];
    let after: Position = null;
    for (let i = 0; i < 100; i++) {
      const rows = await read(viewer, after, PAGE + 1, words);
      const shown = rows.slice(0, PAGE);
      seen.push(
        ...shown.map((r) => `${r.id}@${r.createdAt.toISOString()} by ${r.reposter?.id ?? "-"}`),
      );
      if (rows.length <= PAGE) return seen;
      const last = shown.at(-1)!;
      after = { t: last.createdAt.toISOString(), id: last.id };
    }
    throw new Error("the feed never ended");
  };
  // The rule in plain words, from the rows, as a third opinion on both statements.
  const model = async (viewer: string, words: string[]) => {
    const [people, follows, blocks, mutes, posts, reposts] = await Promise.all([
      db.user.findMany({ select: { id: true, suspendedAt: true, deletedAt: true } }),
      db.follow.findMany({ where: { followerId: viewer } }),
      db.block.findMany(),
      db.mute.findMany({ where: { muterId: viewer } }),
      db.post.findMany({ select: { id: true, authorId: true, text: true, createdAt: true } }),
      db.repost.findMany(),
    ]);
    const visible = (id: string) => {
      const user = people.find((u) => u.id === id)!;
      if (user.suspendedAt || user.deletedAt) return false;
      if (
        blocks.some(
          (b) =>
            (b.blockerId === viewer && b.blockedId === id) ||
            (b.blockerId === id && b.blockedId === viewer),
        )
      )
        return false;
      return !mutes.some((m) => m.mutedId === id);
    };
    const reads = (id: string) =>
      (id === viewer || follows.some((f) => f.followingId === id)) && visible(id);
    const clean = (text: string) => !words.some((w) => text.toLowerCase().includes(w));
    const entries = [
      ...posts
        .filter((p) => reads(p.authorId) && clean(p.text))
        .map((p) => ({ id: p.id, at: p.createdAt, by: null as string | null })),
      ...reposts
        .filter((r) => reads(r.userId))
        .flatMap((r) => {
          const post = posts.find((p) => p.id === r.postId)!;
          return visible(post.authorId) && clean(post.text)
            ? [{ id: r.postId, at: r.createdAt, by: r.userId as string | null }]
            : [];
        }),
    ].filter(
      (e) => !reposts.some((r) => r.postId === e.id && r.createdAt > e.at && reads(r.userId)),
    );
    entries.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
    return entries.map((e) => `${e.id}@${e.at.toISOString()} by ${e.by ?? "-"}`);
  };
  const compare = async (when: string) => {
    for (const viewer of users) {
      const words = (
        await db.mutedWord.findMany({ where: { userId: viewer }, select: { word: true } })
      ).map((w) => w.word);
      const expected = await page(fannedOut, viewer, words);
      const actual = await page(served, viewer, words);
      const message = `seed ${seed}, ${when}, viewer ${users.indexOf(viewer)}`;
      expect(expected, `${message}: fan-out on read vs the rule`).toEqual(
        await model(viewer, words),
      );
      expect(actual, `${message}: timeline vs fan-out on read`).toEqual(expected);
    }
  };

  for (let op = 0; op < 120; op++) {
    const name = chooseOperation();
    await operations[name]!();
    if (op % 8 === 7) await compare(`after op ${op} (${name})`);
  }
  // And once the worker has caught up.
  await runSteps(10_000);
  await compare("after the worker caught up");
  await operations.repair!();
  await compare("after repairing what it lost");
  expect(
    await db.timelineGap.count({
      where: { kind: { not: "big" }, OR: [{ sourceId: { in: users } }] },
    }),
  ).toBe(0);
  const states = await db.timelineState.count({ where: { userId: { in: users } } });
  const entries = await db.timelineEntry.count({ where: { userId: { in: users } } });
  return { states, entries };
}

describe("the timeline-backed feed", () => {
  const seeds = process.env.TIMELINE_SEED
    ? [Number(process.env.TIMELINE_SEED)]
    : [1, 2, 3, 4, 5, 6];
  for (const seed of seeds) {
    it(`shows what fanning out on read shows (seed ${seed})`, async () => {
      const { states, entries } = await runWorld(seed);
      // Every timeline built, and the timelines really used (not only the fallback).
      expect(states).toBe(USERS);
      expect(entries).toBeGreaterThan(USERS);
    }, 120_000);
  }
});
