import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";

// The read rules exist in two forms each: SQL for the statements written by hand (feed, posts
// page, search) and Prisma for the lists read through the builder (lib/safety/visibility.ts,
// lib/payments/paid-post.ts, lib/api/keyset.ts). On users with random blocks, mutes, suspensions, deletions and
// purchases, both forms must answer every (viewer, author) and (viewer, post) pair alike, and
// as the rule reads in plain words (the `expected*` functions below).

let cleanup: () => Promise<void>;
beforeAll(async () => {
  cleanup = await useTestDatabase();
}, 60_000);
afterAll(() => cleanup?.());

// A fixed seed, so a failure repeats; change it to explore other worlds.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const USERS = 10;
const STATUSES = ["created", "approved", "captured", "denied", "refunded"] as const;

type World = {
  users: { id: string; suspended: boolean; deleted: boolean }[];
  blocks: Set<string>;
  mutes: Set<string>;
  posts: {
    id: string;
    authorId: string;
    priceAmount: number | null;
    priceCurrency: string | null;
  }[];
  captured: Set<string>;
};

const pair = (a: string, b: string) => `${a}>${b}`;

async function generate(seed: number): Promise<World> {
  const { db } = await import("@/lib/db");
  const next = random(seed);
  const chance = (p: number) => next() < p;
  const tag = `s${seed}`;
  const users = [];
  for (let i = 0; i < USERS; i++) {
    const suspended = chance(0.15);
    const deleted = chance(0.1);
    const user = await db.user.create({
      data: {
        email: `${tag}u${i}@example.test`,
        username: `${tag}u${i}`,
        displayName: `User ${i}`,
        suspendedAt: suspended ? new Date() : null,
        deletedAt: deleted ? new Date() : null,
      },
      select: { id: true },
    });
    users.push({ id: user.id, suspended, deleted });
  }
  const blocks = new Set<string>();
  const mutes = new Set<string>();
  for (const a of users) {
    for (const b of users) {
      if (a === b) continue;
      if (chance(0.15)) {
        await db.block.create({ data: { blockerId: a.id, blockedId: b.id } });
        blocks.add(pair(a.id, b.id));
      }
      if (chance(0.15)) {
        await db.mute.create({ data: { muterId: a.id, mutedId: b.id } });
        mutes.add(pair(a.id, b.id));
      }
    }
  }
  const posts: World["posts"] = [];
  for (const author of users) {
    for (let i = 0; i < 2; i++) {
      const paid = chance(0.6);
      const post = await db.post.create({
        data: {
          authorId: author.id,
          text: `post ${i} by ${author.id}`,
          // Posts come in pairs written in the same millisecond, so the keyset is tested on ties.
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, Math.floor(posts.length / 2))),
          ...(paid && { priceAmount: 300, priceCurrency: "USD" }),
        },
        select: { id: true, authorId: true, priceAmount: true, priceCurrency: true },
      });
      posts.push(post);
    }
  }
  // Payments of every kind and status; at most one captured purchase per pair, as the
  // database allows.
  const captured = new Set<string>();
  for (const buyer of users) {
    for (const post of posts) {
      // Nobody pays themselves (Payment_parties_check); an author reads their own post anyway.
      if (buyer.id === post.authorId || !chance(0.3)) continue;
      const count = 1 + Math.floor(next() * 2);
      for (let i = 0; i < count; i++) {
        const kind = chance(0.85) ? "post_purchase" : "tip";
        let status = STATUSES[Math.floor(next() * STATUSES.length)]!;
        const key = pair(buyer.id, post.id);
        if (status === "captured" && kind === "post_purchase") {
          if (captured.has(key)) status = "refunded";
          else captured.add(key);
        }
        await db.payment.create({
          data: {
            buyerId: buyer.id,
            creatorId: post.authorId,
            postId: post.id,
            kind,
            status,
            amount: 300,
            currency: "USD",
            fee: 30,
          },
        });
      }
    }
  }
  return { users, blocks, mutes, posts, captured };
}

function expectedVisible(
  world: World,
  viewer: string | null,
  author: World["users"][0],
  includeMuted: boolean,
) {
  if (author.suspended || author.deleted) return false;
  if (!viewer) return true;
  if (world.blocks.has(pair(viewer, author.id)) || world.blocks.has(pair(author.id, viewer))) {
    return false;
  }
  return includeMuted || !world.mutes.has(pair(viewer, author.id));
}

/** Who may be named as blocking between `a` and `b`: either of them when both block. */
function expectedBlockers(world: World, a: string, b: string): (string | null)[] {
  const blockers = [
    ...(world.blocks.has(pair(a, b)) ? [a] : []),
    ...(world.blocks.has(pair(b, a)) ? [b] : []),
  ];
  return blockers.length ? blockers : [null];
}

describe("read rules in SQL and in Prisma", { timeout: 120_000 }, () => {
  let world: World;
  beforeAll(async () => {
    world = await generate(14);
  }, 120_000);

  it("agree on who may see whom", async () => {
    const { db, Prisma, queryRows } = await import("@/lib/db");
    const { visibleAuthorSql, visibleAuthorWhere } = await import("@/lib/safety/visibility");
    const ids = world.users.map((u) => u.id);
    for (const viewer of [null, ...ids]) {
      for (const includeMuted of [false, true]) {
        const fromSql = await queryRows<{ id: string }>(Prisma.sql`
          SELECT u.id FROM "User" u
          WHERE u.id IN (${Prisma.join(ids)})
            AND ${visibleAuthorSql(Prisma.raw("u.id"), viewer, { includeMuted })}`);
        const fromPrisma = await db.user.findMany({
          where: { id: { in: ids }, ...visibleAuthorWhere(viewer, { includeMuted }) },
          select: { id: true },
        });
        const expected = world.users
          .filter((u) => expectedVisible(world, viewer, u, includeMuted))
          .map((u) => u.id)
          .sort();
        const what = `viewer ${viewer}, includeMuted ${includeMuted}`;
        expect(fromSql.map((r) => r.id).sort(), what).toEqual(expected);
        expect(fromPrisma.map((r) => r.id).sort(), what).toEqual(expected);
      }
    }
  });

  it("agree on who blocks whom", async () => {
    const { db, Prisma, queryRows } = await import("@/lib/db");
    const { blocksBetweenSql, blocksBetweenWhere } = await import("@/lib/safety/visibility");
    const ids = world.users.map((u) => u.id);
    for (const a of ids) {
      const fromSql = await queryRows<{ id: string; blocker: string | null }>(Prisma.sql`
        SELECT u.id, (${blocksBetweenSql(a, Prisma.raw("u.id"))} LIMIT 1) AS blocker
        FROM "User" u WHERE u.id IN (${Prisma.join(ids)})`);
      const sqlBlocker = new Map(fromSql.map((r) => [r.id, r.blocker]));
      for (const b of ids) {
        const row = await db.block.findFirst({
          where: blocksBetweenWhere(a, b),
          select: { blockerId: true },
        });
        const expected = expectedBlockers(world, a, b);
        expect(expected, `${a} and ${b} in SQL`).toContain(sqlBlocker.get(b) ?? null);
        expect(expected, `${a} and ${b} in Prisma`).toContain(row?.blockerId ?? null);
      }
    }
  });

  it("agree on which rows come after a keyset position, both ways", async () => {
    const { db, Prisma, queryRows } = await import("@/lib/db");
    const { positionAfterSql, positionAfterWhere } = await import("@/lib/api/keyset");
    const postIds = world.posts.map((p) => p.id);
    const rows = await db.post.findMany({
      where: { id: { in: postIds } },
      select: { id: true, createdAt: true },
    });
    for (const direction of ["asc", "desc"] as const) {
      const sorted = [...rows].sort(
        (a, b) =>
          (a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)) *
          (direction === "asc" ? 1 : -1),
      );
      for (const [i, row] of sorted.entries()) {
        const position = { t: row.createdAt.toISOString(), id: row.id };
        const expected = sorted.slice(i + 1).map((r) => r.id);
        const order = Prisma.raw(direction === "asc" ? "ASC" : "DESC");
        const fromSql = await queryRows<{ id: string }>(Prisma.sql`
          SELECT p.id FROM "Post" p
          WHERE p.id IN (${Prisma.join(postIds)})
            AND ${positionAfterSql([Prisma.raw(`p."createdAt"`), Prisma.raw("p.id")], position, direction)}
          ORDER BY p."createdAt" ${order}, p.id ${order}`);
        const fromPrisma = await db.post.findMany({
          where: {
            id: { in: postIds },
            ...positionAfterWhere(["createdAt", "id"], position, direction),
          },
          orderBy: [{ createdAt: direction }, { id: direction }],
          select: { id: true },
        });
        expect(
          fromSql.map((r) => r.id),
          `${direction} after ${i}`,
        ).toEqual(expected);
        expect(
          fromPrisma.map((r) => r.id),
          `${direction} after ${i}`,
        ).toEqual(expected);
      }
    }
  });

  it("agree on who bought which post and may read it whole", async () => {
    const { db, Prisma, queryRows } = await import("@/lib/db");
    const { boughtSql, boughtWhere, readableInFull, readableInFullSql } =
      await import("@/lib/payments/paid-post");
    const postIds = world.posts.map((p) => p.id);
    for (const viewer of [null, ...world.users.map((u) => u.id)]) {
      const fromSql = await queryRows<{ id: string; bought: boolean; readable: boolean }>(
        Prisma.sql`
          SELECT p.id, ${boughtSql(viewer, Prisma.raw("p.id"))} AS bought,
            ${readableInFullSql("p", viewer)} AS readable
          FROM "Post" p WHERE p.id IN (${Prisma.join(postIds)})`,
      );
      const sqlById = new Map(fromSql.map((r) => [r.id, r]));
      for (const post of world.posts) {
        const purchase = viewer
          ? await db.payment.findFirst({
              where: boughtWhere(viewer, post.id),
              select: { id: true },
            })
          : null;
        const bought = viewer !== null && world.captured.has(pair(viewer, post.id));
        const readable = post.priceAmount === null || post.authorId === viewer || bought;
        const what = `viewer ${viewer}, post ${post.id}`;
        expect(sqlById.get(post.id)?.bought, what).toBe(bought);
        expect(purchase !== null, what).toBe(bought);
        expect(sqlById.get(post.id)?.readable, what).toBe(readable);
        expect(readableInFull(post, bought, viewer), what).toBe(readable);
      }
    }
  });
});
