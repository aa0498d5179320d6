// The home feed once the events worker has fanned posts out into timelines (lib/timeline), over
// HTTP against an app of its own with a tiny cap and threshold: a big account read on the fly,
// a backfill that copied only part of an account (so deep pages fall back to fan-out on read),
// a repost moving a post up, and an unfollow taking effect at once. The feed must be exactly
// what it was before timelines: every post once, newest first, across pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type SignedInUser } from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { poll } from "@/tests/support/poll";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

let database: AppDatabase;
let server: TestServer;
let client: ReturnType<typeof createApiClient>;

beforeAll(async () => {
  database = await createAppDatabase();
  server = await startTestServer({
    name: "timeline",
    env: {
      ...database.env,
      TIMELINE_MAX_ENTRIES: "20",
      TIMELINE_FANOUT_MAX_FOLLOWERS: "2",
      EVENTS_FANOUT_BATCH_SIZE: "2",
      EVENTS_POLL_MS: "250",
      RATE_LIMIT_DISABLED: "true",
    },
  });
  client = createApiClient(server.baseURL);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe("the timeline-backed feed", { timeout: 120_000 }, () => {
  it("pages through the same posts as before, once the worker has fanned them out", async () => {
    const { api, registerAndSignIn } = client;
    const [me, writer, friend, star, fan1, fan2] = await Promise.all(
      Array.from({ length: 6 }, () => registerAndSignIn()),
    );
    const follow = async (who: SignedInUser, whom: SignedInUser) =>
      expect(
        (await api(`/api/users/${whom.user.id}/follow`, { method: "POST", token: who.token }))
          .status,
      ).toBe(200);
    // Newest last: what the feed shows, in reverse.
    const timeline: { id: string; by: string }[] = [];
    const publish = async (who: SignedInUser, text: string) => {
      const res = await api("/api/posts", { method: "POST", token: who.token, body: { text } });
      expect(res.status).toBe(201);
      timeline.push({ id: res.body.id, by: who.user.id });
      return res.body.id as string;
    };

    // Three followers: above the threshold of 2, so the star is read on the fly.
    for (const fan of [fan1!, fan2!, me!]) await follow(fan, star!);
    await follow(me!, friend!);
    const early: string[] = [];
    for (let i = 0; i < 25; i++) early.push(await publish(writer!, `writer ${i}`));
    // A backfill of the writer's newest 20 (the cap): the timeline holds them down to there.
    await follow(me!, writer!);
    for (let i = 0; i < 5; i++) await publish(friend!, `friend ${i}`);
    for (let i = 0; i < 3; i++) await publish(star!, `star ${i}`);
    await publish(me!, "mine");
    const reposted = early[3]!;
    expect(
      (await api(`/api/posts/${reposted}/repost`, { method: "POST", token: friend!.token })).status,
    ).toBeLessThan(300);

    await poll(
      async () =>
        (
          await database.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "TimelineGap" WHERE kind <> 'big'`,
          )
        )[0]!.n === 0,
      { timeoutMs: 60_000, what: "the worker to fan everything out" },
    );
    const [state] = await database.query<{ floorAt: Date | null; entries: number; big: number }>(
      `SELECT s."floorAt",
         (SELECT count(*)::int FROM "TimelineEntry" e WHERE e."userId" = s."userId") AS entries,
         (SELECT count(*)::int FROM "TimelineGap" g
          WHERE g.kind = 'big' AND g."sourceId" = $2) AS big
       FROM "TimelineState" s WHERE s."userId" = $1`,
      [me!.user.id, star!.user.id],
    );
    expect(state).toMatchObject({ big: 1 });
    expect(state!.floorAt).not.toBeNull();
    expect(state!.entries).toBeGreaterThanOrEqual(20);

    const feed = async () => {
      const seen: { id: string; repostedBy: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
        const res = await api(`/api/posts/feed/me?limit=6${query}`, { token: me!.token });
        expect(res.status).toBe(200);
        seen.push(
          ...res.body.items.map((p: { id: string; repostedBy: { id: string } | null }) => ({
            id: p.id,
            repostedBy: p.repostedBy?.id ?? null,
          })),
        );
        cursor = res.body.nextCursor;
      } while (cursor);
      return seen;
    };
    const expected = (withFriend: boolean) => {
      const shown = timeline
        .filter((e) => withFriend || e.by !== friend!.user.id)
        .map((e) => ({ id: e.id, repostedBy: null as string | null }));
      if (!withFriend) return shown.reverse();
      // The repost moves the writer's post up to its own time, the newest.
      return [
        { id: reposted, repostedBy: friend!.user.id },
        ...shown.filter((e) => e.id !== reposted).reverse(),
      ];
    };
    expect(await feed()).toEqual(expected(true));

    // An unfollow counts at once: the friend's posts and repost leave the feed.
    await api(`/api/users/${friend!.user.id}/follow`, { method: "DELETE", token: me!.token });
    expect(await feed()).toEqual(expected(false));
  });
});
