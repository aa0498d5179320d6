import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  api,
  createApiClient,
  registerAndSignIn,
  type SignedInUser,
  webSignIn,
} from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { poll } from "@/tests/support/poll";
import { hasRedisServer, startRedisServer, type RedisServer } from "@/tests/support/redis-server";
import { openSse, type SseConnection, type SseMessage } from "@/tests/support/sse-client";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

// GET /api/streaming over real HTTP (lib/streaming): what a stream sends, to whom, what it
// leaves out, replay after a reconnect, the limits, and two app processes on one database.

const baseURL = () => inject("baseURL");
const open: SseConnection[] = [];

async function stream(user: SignedInUser, query: string, headers: Record<string, string> = {}) {
  const connection = await openSse(`${baseURL()}/api/streaming?${query}`, {
    token: user.token,
    headers,
  });
  open.push(connection);
  return connection;
}

afterAll(() => {
  for (const connection of open) connection.close();
});

const data = (event: SseMessage) => JSON.parse(event.data);
const isPost = (postId: string) => (e: SseMessage) => e.event === "post" && data(e).id === postId;

async function publish(user: SignedInUser, text: string) {
  const res = await api("/api/posts", { method: "POST", token: user.token, body: { text } });
  expect(res.status).toBe(201);
  return res.body as { id: string; createdAt: string };
}
/** Waits for the welcome, so that it can't arrive in the middle of what a test counts. */
const welcomed = (user: SignedInUser) =>
  poll(
    async () =>
      (await api("/api/notifications", { token: user.token })).body.items.some(
        (i: { kind: string }) => i.kind === "welcome",
      ),
    { what: "the welcome" },
  );
const follow = (fan: SignedInUser, star: SignedInUser) =>
  api(`/api/users/${star.user.id}/follow`, { method: "POST", token: fan.token });

describe("GET /api/streaming: access", () => {
  it("answers 401 in the usual shape without credentials, with a bad token, or a query token", async () => {
    const user = await registerAndSignIn();
    for (const [path, token] of [
      ["/api/streaming?stream=user", undefined],
      ["/api/streaming?stream=user", "not-a-token"],
      [`/api/streaming?stream=user&access_token=${user.token}`, undefined],
    ] as const) {
      const res = await api(path, { token });
      expect(res.status, path).toBe(401);
      expect(res.body.error.code).toMatch(/unauthorized|invalid_token/);
      expect(res.headers.get("content-type")).toContain("application/json");
    }
  });

  it("answers 400 for an unknown stream", async () => {
    const user = await registerAndSignIn();
    const res = await api("/api/streaming?stream=user,public", { token: user.token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bad_request");
  });

  it("opens an event stream that starts with its retry delay", async () => {
    const user = await registerAndSignIn();
    const connection = await stream(user, "stream=user&stream=home");
    expect(connection.status).toBe(200);
    expect(connection.headers["content-type"]).toMatch(/^text\/event-stream/);
    expect(connection.headers["cache-control"]).toBe("no-cache, no-transform");
    expect(connection.headers["x-accel-buffering"]).toBe("no");
    await poll(async () => connection.raw().length > 0, { what: "the first bytes" });
    expect(connection.raw().startsWith("retry: 3000\n\n")).toBe(true);
  });

  it("takes the web session cookie, as a browser's EventSource sends it, and is never compressed", async () => {
    const user = await registerAndSignIn();
    const web = await webSignIn(user.credentials.email, user.credentials.password);
    expect(web.cookie).toContain("next-auth.session-token");
    const connection = await openSse(`${baseURL()}/api/streaming?stream=user`, {
      headers: { cookie: web.cookie, "accept-encoding": "gzip, deflate, br" },
    });
    open.push(connection);
    expect(connection.status).toBe(200);
    // A compressed stream would sit in the compressor's buffer instead of reaching the reader.
    expect(connection.headers["content-encoding"]).toBeUndefined();
    await poll(async () => connection.raw().startsWith("retry: 3000"), { what: "the first bytes" });
  });

  it("refuses one stream over the per-user cap with 429, and takes one again once one closes", async () => {
    const user = await registerAndSignIn();
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => stream(user, "stream=user")));
    expect(five.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await api("/api/streaming?stream=home", { token: user.token });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe("too_many_streams");
    expect(sixth.headers.get("retry-after")).toBe("3");

    five[0]!.close();
    await poll(
      async () => {
        const again = await stream(user, "stream=user");
        if (again.status === 200) return true;
        again.close();
        return false;
      },
      { what: "a stream once one closed" },
    );
  });
});

describe("GET /api/streaming: the user stream", () => {
  it("sends a notification, with the unread count, when someone likes your post", async () => {
    const [author, fan] = [await registerAndSignIn(), await registerAndSignIn()];
    const post = await publish(author, "Like me live");
    const connection = await stream(author, "stream=user");
    expect(
      (await api(`/api/posts/${post.id}/like`, { method: "POST", token: fan.token })).status,
    ).toBe(200);

    const event = await connection.next(
      (e) => e.event === "notification" && data(e).notification.kind === "like",
      { what: "the like's notification" },
    );
    expect(event.id).toMatch(/^\d+$/);
    const { notification, unreadCount } = data(event);
    expect(notification).toMatchObject({
      kind: "like",
      actors: [{ id: fan.user.id }],
      post: { id: post.id, excerpt: "Like me live" },
      read: false,
    });
    // The same item as the list shows.
    const listed = await api("/api/notifications?limit=20", { token: author.token });
    expect(listed.body.items).toContainEqual(notification);
    expect(unreadCount).toBeGreaterThanOrEqual(1);
  });

  it("sends unread when notifications are read elsewhere", async () => {
    const [author, fan] = [await registerAndSignIn(), await registerAndSignIn()];
    await welcomed(author);
    const connection = await stream(author, "stream=user");
    await follow(fan, author);
    await connection.next((e) => e.event === "notification", { what: "the follow" });
    const read = await api("/api/notifications/read", {
      method: "POST",
      token: author.token,
      body: { all: true },
    });
    expect(read.status).toBe(200);
    const event = await connection.next((e) => e.event === "unread", { what: "unread" });
    expect(data(event)).toEqual({ unreadCount: 0 });
  });
});

describe("GET /api/streaming: the home stream", () => {
  it("sends the ids of new posts and reposts of people you follow, and deletes", async () => {
    const [author, reposter, reader] = await Promise.all([
      registerAndSignIn(),
      registerAndSignIn(),
      registerAndSignIn(),
    ]);
    await follow(reader, author);
    await follow(reader, reposter);
    const connection = await stream(reader, "stream=home");

    const post = await publish(author, "Only the id travels");
    const event = await connection.next(isPost(post.id), { what: "the post" });
    expect(data(event)).toEqual({
      id: post.id,
      authorId: author.user.id,
      createdAt: post.createdAt,
    });
    expect(connection.raw()).not.toContain("Only the id travels");

    const elsewhere = await registerAndSignIn();
    const shared = await publish(elsewhere, "Shared along");
    await api(`/api/posts/${shared.id}/repost`, { method: "POST", token: reposter.token });
    const repost = await connection.next(isPost(shared.id), { what: "the repost" });
    expect(data(repost)).toMatchObject({
      authorId: elsewhere.user.id,
      reposterId: reposter.user.id,
    });

    await api(`/api/posts/${post.id}`, { method: "DELETE", token: author.token });
    await connection.next((e) => e.event === "delete" && data(e).id === post.id, {
      what: "the delete",
    });
  });

  it("never sends posts of accounts you blocked, muted, or who blocked you", async () => {
    const [reader, blocked, blocker, muted, friend, visible] = await Promise.all([
      registerAndSignIn(),
      registerAndSignIn(),
      registerAndSignIn(),
      registerAndSignIn(),
      registerAndSignIn(),
      registerAndSignIn(),
    ]);
    for (const star of [blocked, blocker, muted, friend, visible]) await follow(reader, star);
    expect(
      (await api(`/api/users/${blocked.user.id}/block`, { method: "POST", token: reader.token }))
        .status,
    ).toBe(200);
    expect(
      (await api(`/api/users/${reader.user.id}/block`, { method: "POST", token: blocker.token }))
        .status,
    ).toBe(200);
    expect(
      (await api(`/api/users/${muted.user.id}/mute`, { method: "POST", token: reader.token }))
        .status,
    ).toBe(200);
    const connection = await stream(reader, "stream=home");

    const hidden = [
      await publish(blocked, "from someone I blocked"),
      await publish(blocker, "from someone who blocked me"),
      await publish(muted, "from someone I muted"),
    ];
    // A friend reposting the blocked account's post doesn't bring it in either.
    const blockedOriginal = await publish(blocked, "shared by a friend");
    hidden.push(blockedOriginal);
    await api(`/api/posts/${blockedOriginal.id}/repost`, { method: "POST", token: friend.token });

    // Events go out in order: once a later visible post is here, the hidden ones would be too.
    const last = await publish(visible, "the marker");
    await connection.next(isPost(last.id), { what: "the visible post" });
    const sent = connection.events.map((e) => data(e).id);
    for (const post of hidden) expect(sent).not.toContain(post.id);
  });
});

describe("GET /api/streaming: reconnecting", () => {
  it("replays exactly the events missed since Last-Event-ID, then continues live", async () => {
    const [author, reader] = [await registerAndSignIn(), await registerAndSignIn()];
    await follow(reader, author);
    const first = await stream(reader, "stream=home");
    const seen = await publish(author, "seen live");
    const seenEvent = await first.next(isPost(seen.id), { what: "the first post" });
    first.close();

    const missed = [await publish(author, "missed one"), await publish(author, "missed two")];
    const again = await stream(reader, "stream=home", { "last-event-id": seenEvent.id! });
    const after = await publish(author, "after the reconnect");
    await again.next(isPost(after.id), { what: "the live post after the replay" });
    expect(again.events.map((e) => data(e).id)).toEqual([missed[0]!.id, missed[1]!.id, after.id]);
    const ids = again.events.map((e) => BigInt(e.id!));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
  });

  it("replays missed notifications too, as the list shows them", async () => {
    const [star, early, late] = await Promise.all([
      registerAndSignIn(),
      registerAndSignIn(),
      registerAndSignIn(),
    ]);
    await welcomed(star);
    const first = await stream(star, "stream=user");
    await follow(early, star);
    const seen = await first.next(
      (e) => e.event === "notification" && data(e).notification.kind === "follow",
      { what: "the first follow" },
    );
    first.close();

    await follow(late, star);
    const listed = await poll(
      async () => {
        const res = await api("/api/notifications?limit=20", { token: star.token });
        return res.body.items.find(
          (i: { kind: string; actors: { id: string }[] }) =>
            i.kind === "follow" && i.actors.some((a) => a.id === late.user.id),
        );
      },
      { what: "the second follow's notification" },
    );
    const again = await stream(star, "stream=user", { "last-event-id": seen.id! });
    const missed = await again.next((e) => e.event === "notification", { what: "the replay" });
    expect(data(missed).notification).toMatchObject({
      id: listed.ids[0],
      kind: "follow",
      actors: [{ id: late.user.id }],
    });
    expect(again.events).toHaveLength(1);
  });

  it("sends resync for a Last-Event-ID it can't replay from", async () => {
    const reader = await registerAndSignIn();
    for (const id of ["999999999999", "garbage"]) {
      const connection = await stream(reader, "stream=user,home", { "last-event-id": id });
      const event = await connection.next(() => true, { what: "resync" });
      expect(event.event).toBe("resync");
      expect(data(event)).toEqual({});
      expect(event.id).toMatch(/^\d+$/);
      connection.close();
    }
  });
});

// Through the database (LISTEN/NOTIFY, or polling on the embedded one), and through Redis.
const transports = [
  { transport: "the database", redis: false },
  ...(hasRedisServer() ? [{ transport: "Redis", redis: true }] : []),
];

describe.each(transports)(
  "GET /api/streaming: two app processes, through $transport",
  ({ redis }) => {
    let database: AppDatabase;
    let redisServer: RedisServer | undefined;
    const servers: TestServer[] = [];
    let env: Record<string, string>;

    beforeAll(async () => {
      database = await createAppDatabase();
      redisServer = redis ? await startRedisServer() : undefined;
      env = {
        ...database.env,
        STREAMING_HEARTBEAT_MS: "300",
        ...(redisServer && { REDIS_URL: redisServer.url }),
      };
      // One after the other: with the embedded database, the first one serves it to the second.
      for (const name of ["streaming-1", "streaming-2"]) {
        servers.push(await startTestServer({ name: `${name}${redis ? "-redis" : ""}`, env }));
      }
    }, 180_000);

    afterAll(async () => {
      for (const server of servers.reverse()) await server.stop();
      await database?.drop();
      await redisServer?.stop();
    }, 60_000);

    it("delivers an event caused through one process to a stream held on the other", async () => {
      const [one, two] = servers.map((s) => createApiClient(s.baseURL));
      const author = await one!.registerAndSignIn();
      const reader = await one!.registerAndSignIn();
      await one!.api(`/api/users/${author.user.id}/follow`, {
        method: "POST",
        token: reader.token,
      });

      const held = await openSse(`${servers[1]!.baseURL}/api/streaming?stream=user,home`, {
        token: reader.token,
      });
      const authorStream = await openSse(`${servers[1]!.baseURL}/api/streaming?stream=user`, {
        token: author.token,
      });
      open.push(held, authorStream);
      expect(held.status).toBe(200);

      const post = await one!.api("/api/posts", {
        method: "POST",
        token: author.token,
        body: { text: "Across replicas" },
      });
      expect(post.status).toBe(201);
      await held.next(isPost(post.body.id), { what: "the post from the other process" });

      await one!.api(`/api/posts/${post.body.id}/like`, { method: "POST", token: reader.token });
      await authorStream.next(
        (e) => e.event === "notification" && data(e).notification.kind === "like",
        { what: "the like's notification from the other process" },
      );
      // Heartbeats, at the configured pace.
      await poll(async () => held.raw().includes(": heartbeat\n\n"), { what: "a heartbeat" });
      expect(two).toBeDefined();
    }, 60_000);

    // Nothing a stream needs lives only in its process: its client reconnects to another one.
    it.runIf(!redis)(
      "replays what a stream missed while its process restarted, from another process",
      async () => {
        const one = createApiClient(servers[0]!.baseURL);
        const [author, reader] = [await one.registerAndSignIn(), await one.registerAndSignIn()];
        await one.api(`/api/users/${author.user.id}/follow`, {
          method: "POST",
          token: reader.token,
        });
        const url = (server: TestServer) => `${server.baseURL}/api/streaming?stream=home`;
        const held = await openSse(url(servers[1]!), { token: reader.token });
        open.push(held);
        const publishOn = async (text: string) =>
          (await one.api("/api/posts", { method: "POST", token: author.token, body: { text } }))
            .body as { id: string };
        const seen = await held.next(isPost((await publishOn("before")).id), { what: "before" });

        await servers.pop()!.stop();
        await held.ended;
        const missed = await publishOn("while it was down");
        const restarted = await startTestServer({ name: "streaming-3", env });
        servers.push(restarted);
        const again = await openSse(url(restarted), {
          token: reader.token,
          headers: { "last-event-id": seen.id! },
        });
        open.push(again);
        await again.next(isPost(missed.id), { what: "the post published while it was down" });
        expect(again.events.map((e) => e.event)).toEqual(["post"]);
      },
      120_000,
    );
  },
);
