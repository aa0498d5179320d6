import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpDatabase } from "@/lib/database/set-up-database";
import type { NewLiveEvent } from "@/lib/streaming/streaming.types";

// Live events against a real (embedded) database: written only when their transaction commits,
// each home event's audience as the feed's rule has it, and the prune.

const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "grover-live-events-test-"));
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dataDir;
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await (await setUpDatabase().catch(() => null))?.embedded?.stop();
  Object.assign(process.env, saved);
  if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
  delete process.env.GROVER_EMBEDDED_DATABASE;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("live events", { timeout: 60_000 }, () => {
  it("are written with their cause, reach the feed's audience only, and are pruned", async () => {
    const { ensureDatabase } = await import("@/lib/database/ensure-database");
    await ensureDatabase();
    const { db, Prisma, queryRows } = await import("@/lib/db");
    const { liveTransaction } = await import("@/lib/streaming/live-transaction");
    const { recordLiveEvents } = await import("@/lib/streaming/record-live-events");
    const { homeAudienceSql } = await import("@/lib/streaming/home-audience-sql");
    const { pruneLiveEvents } = await import("@/lib/streaming/prune-live-events");

    const names = [
      "author",
      "fan",
      "stranger",
      "blocker",
      "muter",
      "reposter",
      "repostfan",
      "both",
    ];
    const users = Object.fromEntries(
      await Promise.all(
        names.map(async (name) => {
          const u = await db.user.create({
            data: { email: `${name}@example.com`, username: name, displayName: name },
            select: { id: true },
          });
          return [name, u.id] as const;
        }),
      ),
    );
    const follows = (a: string, b: string) =>
      db.follow.create({ data: { followerId: users[a]!, followingId: users[b]! } });
    for (const fan of ["fan", "blocker", "muter", "both"]) await follows(fan, "author");
    await follows("repostfan", "reposter");
    await follows("both", "reposter");
    await db.block.create({ data: { blockerId: users.blocker!, blockedId: users.author! } });
    await db.mute.create({ data: { muterId: users.muter!, mutedId: users.author! } });
    const post = await db.post.create({ data: { authorId: users.author!, text: "hi" } });

    // Nothing is written when the transaction that causes it rolls back.
    const count = () => db.liveEvent.count();
    await expect(
      liveTransaction(async (tx) => {
        await recordLiveEvents(tx, [
          { kind: "post", authorId: users.author!, postId: post.id, createdAt: post.createdAt },
        ]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await count()).toBe(0);
    await expect(recordLiveEvents(db as never, [])).rejects.toThrow(/liveTransaction/);

    const kinds: Record<string, NewLiveEvent> = {
      post: { kind: "post", authorId: users.author!, postId: post.id, createdAt: post.createdAt },
      repost: {
        kind: "post",
        authorId: users.author!,
        postId: post.id,
        reposterId: users.reposter!,
        createdAt: new Date(),
      },
      unrepost: {
        kind: "delete",
        authorId: users.author!,
        postId: post.id,
        reposterId: users.reposter!,
      },
      deleted: {
        kind: "delete",
        authorId: users.author!,
        postId: post.id,
        reposterIds: [users.reposter!],
      },
    };
    await liveTransaction((tx) => recordLiveEvents(tx, Object.values(kinds)));
    const rows = await db.liveEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    expect(rows).toHaveLength(4);

    const everyone = Object.values(users);
    const pairs = await queryRows<{ eventId: string; viewerId: string }>(
      homeAudienceSql(Prisma.sql`TRUE`, everyone),
    );
    const audience = (i: number) =>
      pairs
        .filter((p) => p.eventId === rows[i]!.id.toString())
        .map((p) => names.find((n) => users[n] === p.viewerId))
        .sort();
    // Followers and the author; never the blocker or the muter.
    expect(audience(0)).toEqual(["author", "both", "fan"]);
    // The reposter's followers and the reposter.
    expect(audience(1)).toEqual(["both", "reposter", "repostfan"]);
    // An unrepost: only those who don't still have the post through its author.
    expect(audience(2)).toEqual(["reposter", "repostfan"]);
    // A deleted post: the author's followers and its reposters' followers.
    expect(audience(3)).toEqual(["author", "both", "fan", "repostfan"]);

    // Suspended authors vanish from every audience.
    await db.user.update({ where: { id: users.author! }, data: { suspendedAt: new Date() } });
    expect(await queryRows(homeAudienceSql(Prisma.sql`e.kind = 'post'`, everyone))).toHaveLength(0);

    // The prune keeps what a reconnecting client may still replay.
    expect(await pruneLiveEvents()).toEqual({ deleted: 0 });
    await db.liveEvent.updateMany({ data: { createdAt: new Date(Date.now() - 3_600_000) } });
    expect(await pruneLiveEvents()).toEqual({ deleted: 4 });
  });
});
