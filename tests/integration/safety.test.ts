// Blocks, mutes and muted words over real HTTP. Its own server with the local PayPal double
// (PAYPAL_MODE=local), so a tip between blocked users reaches the block check instead of
// "payments not configured"; its own database, so explore holds only this file's posts.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type ApiClient, type SignedInUser } from "@/tests/support/api-client";
import { poll } from "@/tests/support/poll";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

let server: TestServer;
let client: ApiClient;
const api: ApiClient["api"] = (path, options) => client.api(path, options);
const signUp = (overrides = {}) => client.registerAndSignIn(overrides);

beforeAll(async () => {
  server = await startTestServer({ name: "safety", env: { PAYPAL_MODE: "local" } });
  client = createApiClient(server.baseURL);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const word = () => `w${randomBytes(5).toString("hex")}`;

async function publish(user: SignedInUser, text: string): Promise<string> {
  const res = await api("/api/posts", { method: "POST", token: user.token, body: { text } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function comment(user: SignedInUser, postId: string, text: string) {
  return api(`/api/posts/${postId}/comments`, {
    method: "POST",
    token: user.token,
    body: { text },
  });
}

async function follow(user: SignedInUser, other: SignedInUser) {
  return api(`/api/users/${other.user.id}/follow`, { method: "POST", token: user.token });
}

async function stats(user: SignedInUser) {
  const res = await api(`/api/users/${user.user.id}/stats`);
  expect(res.status).toBe(200);
  return res.body as { followers: number; following: number };
}

const block = (user: SignedInUser, ref: string, method = "POST") =>
  api(`/api/users/${ref}/block`, { method, token: user.token });
const mute = (user: SignedInUser, ref: string, method = "POST") =>
  api(`/api/users/${ref}/mute`, { method, token: user.token });

async function notificationActors(user: SignedInUser): Promise<string[]> {
  const res = await api("/api/notifications?limit=100", { token: user.token });
  expect(res.status).toBe(200);
  return (res.body.items as { actors: { id: string }[] }[]).flatMap((i) =>
    i.actors.map((a) => a.id),
  );
}

describe("block and unblock", () => {
  it("is idempotent, answers its state and lists blocked accounts", async () => {
    const [me, other, third] = await Promise.all([signUp(), signUp(), signUp()]);
    for (let i = 0; i < 2; i++) {
      const res = await block(me, other.user.username);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ blocking: true });
    }
    expect((await block(me, other.user.id, "GET")).body).toEqual({ blocking: true });
    expect((await block(me, third.user.id)).body).toEqual({ blocking: true });

    const first = await api("/api/users/me/blocks?limit=1", { token: me.token });
    expect(first.status).toBe(200);
    expect(first.body.items.map((u: { id: string }) => u.id)).toEqual([third.user.id]);
    const second = await api(`/api/users/me/blocks?limit=1&cursor=${first.body.nextCursor}`, {
      token: me.token,
    });
    expect(second.body.items.map((u: { id: string }) => u.id)).toEqual([other.user.id]);
    expect(second.body.nextCursor).toBeNull();
    // Someone else's list is their own.
    expect((await api("/api/users/me/blocks", { token: other.token })).body.items).toEqual([]);

    for (let i = 0; i < 2; i++) {
      const res = await block(me, other.user.id, "DELETE");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ blocking: false });
    }
    expect((await block(me, other.user.id, "GET")).body).toEqual({ blocking: false });
    const after = await api("/api/users/me/blocks", { token: me.token });
    expect(after.body.items.map((u: { id: string }) => u.id)).toEqual([third.user.id]);
  });

  it("refuses yourself, an unknown user and a signed-out caller", async () => {
    const me = await signUp();
    const self = await block(me, me.user.id);
    expect(self.status).toBe(400);
    expect(self.body.error.message).toMatch(/can't block yourself/);
    expect((await block(me, "no_such_user_here")).status).toBe(404);
    expect((await api(`/api/users/${me.user.id}/block`, { method: "POST" })).status).toBe(401);
    expect((await api("/api/users/me/blocks")).status).toBe(401);
  });

  it("ends follows both ways with the counters, and unblocking doesn't restore them", async () => {
    const [a, b] = await Promise.all([signUp(), signUp()]);
    expect((await follow(a, b)).status).toBe(200);
    expect((await follow(b, a)).status).toBe(200);
    expect(await stats(a)).toMatchObject({ followers: 1, following: 1 });

    expect((await block(a, b.user.id)).status).toBe(200);
    expect(await stats(a)).toMatchObject({ followers: 0, following: 0 });
    expect(await stats(b)).toMatchObject({ followers: 0, following: 0 });
    const followers = await api(`/api/users/${a.user.id}/followers`);
    expect(followers.body.items).toEqual([]);

    // Blocking again changes nothing (no negative counters).
    expect((await block(a, b.user.id)).status).toBe(200);
    expect(await stats(b)).toMatchObject({ followers: 0, following: 0 });

    expect((await block(a, b.user.id, "DELETE")).status).toBe(200);
    expect(await stats(a)).toMatchObject({ followers: 0, following: 0 });
    // Once unblocked they may follow again.
    expect((await follow(b, a)).status).toBe(200);
    expect(await stats(a)).toMatchObject({ followers: 1 });
  });
});

describe("a follow racing a block", () => {
  it("never outlives the block, and the counters agree", async () => {
    const pairs = await Promise.all(
      Array.from({ length: 6 }, async () => [await signUp(), await signUp()] as const),
    );
    const answers = await Promise.all(
      pairs.flatMap(([a, b]) => [follow(b, a), follow(a, b), block(a, b.user.id)]),
    );
    // Each follow either won (200, then removed by the block) or saw the block (403): no 500s.
    for (const res of answers) expect([200, 403]).toContain(res.status);
    for (const [a, b] of pairs) {
      const followers = await api(`/api/users/${a.user.id}/followers`);
      expect(followers.body.items).toEqual([]);
      expect(await stats(a)).toMatchObject({ followers: 0, following: 0 });
      expect(await stats(b)).toMatchObject({ followers: 0, following: 0 });
    }
  });
});

describe("a blocked user finds nothing of the blocker anywhere", () => {
  type Side = {
    user: SignedInUser;
    postId: string;
    commentText: string;
  };
  let a: Side;
  let b: Side;
  let friend: SignedInUser;
  let friendPostId: string;
  const shared = word();
  const tag = word();

  // Both write a post with the shared word and tag, comment on a common friend's post, like
  // each other's posts (notifications), save each other's posts, and follow the friend and each
  // other. Then A blocks B.
  beforeAll(async () => {
    const [ua, ub] = await Promise.all([signUp(), signUp()]);
    friend = await signUp();
    friendPostId = await publish(friend, `Friend's post about ${shared}`);
    const side = async (user: SignedInUser): Promise<Side> => {
      const postId = await publish(user, `${user.user.username} on ${shared} #${tag}`);
      const commentText = `comment by ${user.user.username}`;
      expect((await comment(user, friendPostId, commentText)).status).toBe(201);
      expect((await follow(user, friend)).status).toBe(200);
      expect((await follow(friend, user)).status).toBe(200);
      return { user, postId, commentText };
    };
    a = await side(ua);
    b = await side(ub);
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      expect((await follow(x.user, y.user)).status).toBe(200);
      const liked = await api(`/api/posts/${y.postId}/like`, {
        method: "POST",
        token: x.user.token,
      });
      expect(liked.status).toBe(200);
      const saved = await api(`/api/posts/${y.postId}/save`, {
        method: "POST",
        token: x.user.token,
      });
      expect(saved.status).toBe(200);
    }
    // The likes' notifications have arrived before the block, so hiding them is the list's job.
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      await poll(
        async () => {
          const res = await api("/api/notifications?limit=100", { token: x.user.token });
          const kinds = (res.body.items as { kind: string; actors: { id: string }[] }[])
            .filter((i) => i.actors.some((actor) => actor.id === y.user.user.id))
            .map((i) => i.kind);
          return kinds.includes("like") && kinds.includes("follow");
        },
        { what: "the like and follow notifications" },
      );
    }
  }, 60_000);

  /** Every list and page `viewer` can read, with what each answered. */
  async function walk(viewer: SignedInUser, other: Side) {
    const get = (path: string) => api(path, { token: viewer.token });
    const o = other.user.user;
    return {
      feed: await get("/api/posts/feed/me?limit=100"),
      explore: await get("/api/posts/explore/all?limit=100"),
      search: await get(`/api/posts/search/${shared}?limit=100`),
      tag: await get(`/api/posts/search/${encodeURIComponent(`#${tag}`)}?limit=100`),
      users: await get(`/api/users/search/${o.username}?limit=100`),
      userPosts: await get(`/api/users/${o.id}/posts`),
      profile: await get(`/api/users/${o.username}`),
      stats: await get(`/api/users/${o.id}/stats`),
      post: await get(`/api/posts/${other.postId}`),
      postComments: await get(`/api/posts/${other.postId}/comments`),
      comments: await get(`/api/posts/${friendPostId}/comments?limit=100`),
      followers: await get(`/api/users/${friend.user.id}/followers?limit=100`),
      following: await get(`/api/users/${friend.user.id}/following?limit=100`),
      otherFollowers: await get(`/api/users/${o.id}/followers`),
      saved: await get("/api/posts/saved?limit=100"),
      notifications: await get("/api/notifications?limit=100"),
    };
  }

  function expectSees(seen: Awaited<ReturnType<typeof walk>>, other: Side) {
    const o = other.user.user;
    const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);
    expect(ids(seen.explore.body)).toContain(other.postId);
    expect(ids(seen.search.body)).toContain(other.postId);
    expect(ids(seen.tag.body)).toContain(other.postId);
    expect(ids(seen.users.body)).toContain(o.id);
    expect(ids(seen.userPosts.body)).toContain(other.postId);
    expect(seen.profile.status).toBe(200);
    expect(seen.stats.status).toBe(200);
    expect(seen.post.status).toBe(200);
    expect(JSON.stringify(seen.comments.body)).toContain(other.commentText);
    expect(ids(seen.followers.body)).toContain(o.id);
    expect(ids(seen.following.body)).toContain(o.id);
    expect(ids(seen.saved.body)).toContain(other.postId);
    expect(JSON.stringify(seen.notifications.body)).toContain(o.id);
  }

  function expectSeesNothingOf(seen: Awaited<ReturnType<typeof walk>>, other: Side) {
    const o = other.user.user;
    for (const key of [
      "feed",
      "explore",
      "search",
      "tag",
      "users",
      "comments",
      "followers",
      "following",
      "saved",
      "notifications",
    ] as const) {
      const res = seen[key];
      expect(res.status, `${key}: ${JSON.stringify(res.body)}`).toBe(200);
      const text = JSON.stringify(res.body);
      expect(text, `${key} shows the other's account`).not.toContain(o.id);
      expect(text, `${key} shows the other's post`).not.toContain(other.postId);
      expect(text, `${key} shows the other's comment`).not.toContain(other.commentText);
    }
    for (const key of [
      "userPosts",
      "profile",
      "stats",
      "post",
      "postComments",
      "otherFollowers",
    ] as const) {
      expect(seen[key].status, `${key}: ${JSON.stringify(seen[key].body)}`).toBe(404);
    }
  }

  const unread = async (user: SignedInUser) =>
    (await api("/api/notifications/unread-count", { token: user.token })).body.count as number;
  let unreadBefore = 0;

  it("sees everything before the block (so the walk can fail)", async () => {
    unreadBefore = await unread(b.user);
    expectSees(await walk(b.user, a), a);
    expectSees(await walk(a.user, b), b);
  });

  it("after A blocks B, neither finds the other, and both still see the friend", async () => {
    expect((await block(a.user, b.user.user.id)).status).toBe(200);
    const seenByB = await walk(b.user, a);
    expectSeesNothingOf(seenByB, a);
    expect(seenByB.comments.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(seenByB.comments.body)).toContain(b.commentText);
    expectSeesNothingOf(await walk(a.user, b), b);
    // A's like and follow no longer count as unread: the count is what the list shows.
    const left = await api("/api/notifications?limit=100", { token: b.user.token });
    const shown = (left.body.items as { ids: string[] }[]).reduce((n, i) => n + i.ids.length, 0);
    expect(await unread(b.user)).toBe(shown);
    expect(shown).toBeLessThanOrEqual(unreadBefore - 2);
  });

  it("refuses follows, comments, likes and tips between them with 403", async () => {
    const bToken = b.user.token;
    const followed = await follow(b.user, a.user);
    expect(followed.status).toBe(403);
    expect(followed.body.error.message).toMatch(/has blocked you/);
    const back = await follow(a.user, b.user);
    expect(back.status).toBe(403);
    expect(back.body.error.message).toMatch(/You have blocked this account/);

    const commented = await comment(b.user, a.postId, "let me in");
    expect(commented.status).toBe(403);
    expect(commented.body.error.message).toMatch(/can't comment/);
    expect((await comment(a.user, b.postId, "nor me")).status).toBe(403);
    const liked = await api(`/api/posts/${a.postId}/like`, { method: "POST", token: bToken });
    expect(liked.status).toBe(403);

    const tip = await api("/api/payments/create", {
      method: "POST",
      token: bToken,
      body: { kind: "tip", creatorId: a.user.user.id, amount: 500, currency: "USD" },
    });
    expect(tip.status, JSON.stringify(tip.body)).toBe(403);
    expect(tip.body.error.message).toMatch(/can't tip/);
    const tipBack = await api("/api/payments/create", {
      method: "POST",
      token: a.user.token,
      body: { kind: "tip", creatorId: b.user.user.id, amount: 500, currency: "USD" },
    });
    expect(tipBack.status).toBe(403);
  });

  it("a mention by someone who blocked you, or whom you blocked, tells you nothing", async () => {
    const marker = await signUp();
    // A mentions B (A blocks B), then a third user does, as the point by which both were handled.
    await publish(a.user, `hello @${b.user.user.username}`);
    await publish(marker, `hello @${b.user.user.username}`);
    await poll(async () => (await notificationActors(b.user)).includes(marker.user.id), {
      what: "the marker's mention",
    });
    // Unblocked, the list no longer hides A: only a notification never written stays absent.
    expect((await block(a.user, b.user.user.id, "DELETE")).status).toBe(200);
    const res = await api("/api/notifications?limit=100", { token: b.user.token });
    const mentionsByA = (res.body.items as { kind: string; actors: { id: string }[] }[]).filter(
      (i) => i.kind === "mention" && i.actors.some((x) => x.id === a.user.user.id),
    );
    expect(mentionsByA).toEqual([]);
  });
});

describe("mute", () => {
  it("is idempotent, refuses yourself and unknown users, and lists muted accounts", async () => {
    const [me, other] = await Promise.all([signUp(), signUp()]);
    for (let i = 0; i < 2; i++) {
      const res = await mute(me, other.user.username);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ muting: true });
    }
    expect((await mute(me, other.user.id, "GET")).body).toEqual({ muting: true });
    const list = await api("/api/users/me/mutes", { token: me.token });
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([other.user.id]);
    for (let i = 0; i < 2; i++) {
      expect((await mute(me, other.user.id, "DELETE")).body).toEqual({ muting: false });
    }
    expect((await api("/api/users/me/mutes", { token: me.token })).body.items).toEqual([]);

    const self = await mute(me, me.user.username);
    expect(self.status).toBe(400);
    expect(self.body.error.message).toMatch(/can't mute yourself/);
    expect((await mute(me, "no_such_user_here")).status).toBe(404);
    expect((await api(`/api/users/${other.user.id}/mute`, { method: "POST" })).status).toBe(401);
  });

  it("hides the muted account's posts from explore and search, not from their profile", async () => {
    const [a, c] = await Promise.all([signUp(), signUp()]);
    const w = word();
    const postId = await publish(c, `muted talk about ${w} #${w}`);
    const ids = async (path: string) =>
      ((await api(path, { token: a.token })).body.items as { id: string }[]).map((p) => p.id);
    expect(await ids("/api/posts/explore/all?limit=100")).toContain(postId);

    expect((await mute(a, c.user.id)).status).toBe(200);
    expect(await ids("/api/posts/explore/all?limit=100")).not.toContain(postId);
    expect(await ids(`/api/posts/search/${w}`)).not.toContain(postId);
    expect(await ids(`/api/posts/search/${encodeURIComponent(`#${w}`)}`)).not.toContain(postId);
    // Their page still opens, with their posts, and they're still found by name.
    expect((await api(`/api/users/${c.user.username}`, { token: a.token })).status).toBe(200);
    expect(await ids(`/api/users/${c.user.id}/posts`)).toContain(postId);
    expect((await api(`/api/posts/${postId}`, { token: a.token })).status).toBe(200);
    expect(await ids(`/api/users/search/${c.user.username}`)).toContain(c.user.id);

    // C is not told: nothing in C's notifications, C sees A as before and may follow A.
    const forC = await api("/api/notifications?limit=100", { token: c.token });
    expect(JSON.stringify(forC.body)).not.toContain(a.user.id);
    expect((await api(`/api/users/${a.user.id}`, { token: c.token })).status).toBe(200);
    expect((await follow(c, a)).status).toBe(200);

    expect((await mute(a, c.user.id, "DELETE")).status).toBe(200);
    expect(await ids(`/api/posts/search/${w}`)).toContain(postId);
  });
});

describe("muted words", () => {
  it("adds trimmed and lower-cased, idempotently, lists and removes", async () => {
    const me = await signUp();
    const add = (w: unknown) =>
      api("/api/users/me/muted-words", { method: "POST", token: me.token, body: { word: w } });
    const first = await add("  Spoilers ");
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.word).toBe("spoilers");
    expect((await add("SPOILERS")).body).toEqual(first.body);
    expect((await add("season finale")).status).toBe(201);

    const list = await api("/api/users/me/muted-words", { token: me.token });
    expect(list.body.items.map((w: { word: string }) => w.word).sort()).toEqual([
      "season finale",
      "spoilers",
    ]);

    expect((await add("   ")).status).toBe(400);
    expect((await add("x".repeat(51))).status).toBe(400);
    expect((await add(undefined)).status).toBe(400);

    const removed = await api("/api/users/me/muted-words/Spoilers", {
      method: "DELETE",
      token: me.token,
    });
    expect(removed.status).toBe(204);
    const again = await api("/api/users/me/muted-words/spoilers", {
      method: "DELETE",
      token: me.token,
    });
    expect(again.status).toBe(204);
    const left = await api("/api/users/me/muted-words", { token: me.token });
    expect(left.body.items.map((w: { word: string }) => w.word)).toEqual(["season finale"]);
    expect((await api("/api/users/me/muted-words")).status).toBe(401);
  });

  it("keeps at most 100 words", async () => {
    const me = await signUp();
    for (let i = 0; i < 100; i++) {
      const res = await api("/api/users/me/muted-words", {
        method: "POST",
        token: me.token,
        body: { word: `word${i}` },
      });
      expect(res.status).toBe(201);
    }
    const over = await api("/api/users/me/muted-words", {
      method: "POST",
      token: me.token,
      body: { word: "one too many" },
    });
    expect(over.status).toBe(422);
    expect(over.body.error.message).toMatch(/at most 100/);
    // Muting one already muted still answers it.
    const existing = await api("/api/users/me/muted-words", {
      method: "POST",
      token: me.token,
      body: { word: "word7" },
    });
    expect(existing.status).toBe(201);
  }, 60_000);
});

describe("the home feed", () => {
  const feedIds = async (user: SignedInUser) => {
    const res = await api("/api/posts/feed/me?limit=100", { token: user.token });
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((p) => p.id);
  };

  it("leaves out posts with a muted word, and shows them again once unmuted", async () => {
    const reader = await signUp();
    const author = await signUp();
    expect((await follow(reader, author)).status).toBe(200);
    const secret = word();
    const spoiler = await publish(author, `The ending of ${secret.toUpperCase()} is a twist`);
    const plain = await publish(author, "A walk in the park");

    const mutedWord = await api("/api/users/me/muted-words", {
      method: "POST",
      token: reader.token,
      body: { word: secret },
    });
    expect(mutedWord.status).toBe(201);
    let ids = await feedIds(reader);
    expect(ids).toContain(plain);
    expect(ids).not.toContain(spoiler);

    await api(`/api/users/me/muted-words/${secret}`, { method: "DELETE", token: reader.token });
    ids = await feedIds(reader);
    expect(ids).toContain(spoiler);
  });

  it("leaves out a friend's repost of someone who blocked you, and muted accounts", async () => {
    const reader = await signUp();
    const friend = await signUp();
    const blocker = await signUp();
    const muted = await signUp();
    expect((await follow(reader, friend)).status).toBe(200);
    expect((await follow(reader, muted)).status).toBe(200);
    const blockersPost = await publish(blocker, "Not for the reader");
    const mutedPost = await publish(muted, "Loud opinions");
    const reposted = await api(`/api/posts/${blockersPost}/repost`, {
      method: "POST",
      token: friend.token,
    });
    expect(reposted.status).toBe(200);
    expect(await feedIds(reader)).toEqual(expect.arrayContaining([blockersPost, mutedPost]));

    expect((await block(blocker, reader.user.id)).status).toBe(200);
    expect((await mute(reader, muted.user.id)).status).toBe(200);
    const ids = await feedIds(reader);
    expect(ids).not.toContain(blockersPost);
    expect(ids).not.toContain(mutedPost);
  });
});
