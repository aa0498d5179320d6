import { describe, expect, it } from "vitest";
import { api, registerAndSignIn, type SignedInUser } from "@/tests/support/api-client";
import { poll } from "@/tests/support/poll";
import { TEST_METRICS_TOKEN } from "@/tests/support/metrics-token";

// Notifications end to end over HTTP, in the default set-up: embedded database, no Inngest, the
// outbox dispatcher running the functions inside the app. Effects are asynchronous (a moment
// after the request that causes them), so tests poll with a deadline.

type Item = {
  id: string;
  ids: string[];
  kind: string;
  count: number;
  actors: { id: string; username: string }[];
  actorCount: number;
  post: { id: string; excerpt: string } | null;
  data: Record<string, unknown>;
  summary: string;
  read: boolean;
};

const list = async (user: SignedInUser, query = "") => {
  const res = await api<{ items: Item[]; nextCursor: string | null }>(
    `/api/notifications${query}`,
    {
      token: user.token,
    },
  );
  expect(res.status).toBe(200);
  return res.body;
};
const items = async (user: SignedInUser) => (await list(user, "?limit=100")).items;

/** Waits until `user` has an item matching `predicate`, and answers it. */
const waitForItem = (user: SignedInUser, predicate: (item: Item) => boolean, what: string) =>
  poll(async () => (await items(user)).find(predicate), { what, timeoutMs: 10_000 });

const unread = async (user: SignedInUser) =>
  (await api("/api/notifications/unread-count", { token: user.token })).body.count as number;

async function publish(user: SignedInUser, text: string) {
  const res = await api("/api/posts", { method: "POST", token: user.token, body: { text } });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}
const followUser = (fan: SignedInUser, star: SignedInUser) =>
  api(`/api/users/${star.user.id}/follow`, { method: "POST", token: fan.token });

describe("notifications", () => {
  it("a follower is notified within seconds of a post, with nothing installed", async () => {
    const [author, follower] = [await registerAndSignIn(), await registerAndSignIn()];
    expect((await followUser(follower, author)).status).toBe(200);
    const started = Date.now();
    const post = await publish(author, "Fresh off the press");

    const item = await waitForItem(
      follower,
      (i) => i.kind === "new_post",
      "a new_post notification",
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(item).toMatchObject({
      post: { id: post.id, excerpt: "Fresh off the press" },
      actors: [{ id: author.user.id }],
      read: false,
      summary: `${author.credentials.displayName} published a new post`,
    });
  });

  it("welcomes a new account", async () => {
    const user = await registerAndSignIn();
    const item = await waitForItem(user, (i) => i.kind === "welcome", "the welcome");
    expect(item.actors).toEqual([]);
  });

  it("tells an author about follows, likes and comments, and never about their own", async () => {
    const [author, fan] = [await registerAndSignIn(), await registerAndSignIn()];
    const post = await publish(author, "Engage with me");
    await followUser(fan, author);
    await api(`/api/posts/${post.id}/like`, { method: "POST", token: fan.token });
    await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: fan.token,
      body: { text: "Nice one" },
    });
    // The author's own like and comment.
    await api(`/api/posts/${post.id}/like`, { method: "POST", token: author.token });
    await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: author.token,
      body: { text: "Thanks" },
    });

    // Events are delivered in order: once this last comment is in, everything before it was
    // handled, including the author's own like and comment.
    await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: fan.token,
      body: { text: "Last" },
    });
    await waitForItem(
      author,
      (i) => i.kind === "comment" && i.data.excerpt === "Last",
      "the last comment",
    );

    const all = await items(author);
    expect(all.find((i) => i.kind === "follow")?.actors).toMatchObject([{ id: fan.user.id }]);
    expect(all.find((i) => i.kind === "like")?.post?.id).toBe(post.id);
    const comment = all.find((i) => i.kind === "comment" && i.data.excerpt === "Nice one");
    expect(comment).toMatchObject({ actors: [{ id: fan.user.id }], post: { id: post.id } });
    expect(all.filter((i) => i.actors.some((a) => a.id === author.user.id))).toEqual([]);
    expect(all.filter((i) => i.kind === "like")).toHaveLength(1);
  });

  it("tells users mentioned in a post or a comment", async () => {
    const [author, mentioned, commenter] = [
      await registerAndSignIn(),
      await registerAndSignIn(),
      await registerAndSignIn(),
    ];
    const post = await publish(author, `Hello @${mentioned.credentials.username}!`);
    const inPost = await waitForItem(mentioned, (i) => i.kind === "mention", "a mention in a post");
    expect(inPost).toMatchObject({ post: { id: post.id }, actors: [{ id: author.user.id }] });

    await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: commenter.token,
      body: { text: `@${mentioned.credentials.username} look at this` },
    });
    const inComment = await waitForItem(
      mentioned,
      (i) => i.kind === "mention" && Boolean(i.data.commentId),
      "a mention in a comment",
    );
    expect(inComment.summary).toBe(
      `${commenter.credentials.displayName} mentioned you in a comment`,
    );

    // An edit that adds a mention tells the newly mentioned user, and nobody twice.
    const late = await registerAndSignIn();
    const edit = await api(`/api/posts/${post.id}`, {
      method: "PUT",
      token: author.token,
      body: { text: `Hello @${mentioned.credentials.username} and @${late.credentials.username}!` },
    });
    expect(edit.status).toBe(200);
    await waitForItem(
      late,
      (i) => i.kind === "mention" && i.post?.id === post.id,
      "an added mention",
    );
    expect((await items(mentioned)).filter((i) => i.kind === "mention")).toHaveLength(2);
  });

  it("groups consecutive likes of one post into one item", async () => {
    const author = await registerAndSignIn();
    const post = await publish(author, "Like me");
    const fans = await Promise.all([registerAndSignIn(), registerAndSignIn(), registerAndSignIn()]);
    for (const fan of fans)
      await api(`/api/posts/${post.id}/like`, { method: "POST", token: fan.token });

    const group = await waitForItem(
      author,
      (i) => i.kind === "like" && i.count === 3,
      "three likes as one item",
    );
    expect(group.ids).toHaveLength(3);
    expect(group.actorCount).toBe(3);
    expect(group.actors.map((a) => a.id).sort()).toEqual(fans.map((f) => f.user.id).sort());
    expect(group.summary).toMatch(/ and 2 others liked your post$/);
    expect((await items(author)).filter((i) => i.kind === "like")).toHaveLength(1);
  });

  it("counts unread, marks some or all read, and ignores other people's ids", async () => {
    const [author, other] = [await registerAndSignIn(), await registerAndSignIn()];
    const fans = await Promise.all([registerAndSignIn(), registerAndSignIn()]);
    for (const fan of fans) await followUser(fan, author);
    const post = await publish(author, "Counting");
    await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: fans[0]!.token,
      body: { text: "hi" },
    });
    // welcome + a group of two follows + a comment = 4 notifications.
    await poll(async () => (await unread(author)) === 4, { what: "4 unread" });

    const [comment] = (await items(author)).filter((i) => i.kind === "comment");
    const otherWelcome = await waitForItem(
      other,
      (i) => i.kind === "welcome",
      "the other's welcome",
    );
    const some = await api("/api/notifications/read", {
      method: "POST",
      token: author.token,
      body: { ids: [...comment!.ids, ...otherWelcome.ids] },
    });
    expect(some.status).toBe(200);
    expect(some.body).toEqual({ updated: 1, unread: 3 });
    expect(await unread(other)).toBe(1);
    expect((await items(author)).find((i) => i.kind === "comment")?.read).toBe(true);

    const all = await api("/api/notifications/read", {
      method: "POST",
      token: author.token,
      body: { all: true },
    });
    expect(all.body).toEqual({ updated: 3, unread: 0 });
    expect((await items(author)).every((i) => i.read)).toBe(true);
  });

  it("marks read up to the newest one shown, leaving what came after unread", async () => {
    const [author, other, fan, later] = await Promise.all([
      registerAndSignIn(),
      registerAndSignIn(),
      registerAndSignIn(),
      registerAndSignIn(),
    ]);
    // The welcome first (it is written in the background), so the follow is the newest.
    await poll(async () => (await unread(author)) === 1, { what: "the welcome" });
    await followUser(fan, author);
    // welcome + a follow: what the page showed.
    await poll(async () => (await unread(author)) === 2, { what: "2 unread" });
    const shown = await items(author);
    const newestShown = shown[0]!;
    expect(newestShown.kind).toBe("follow");
    // Actors carry their photo's URL (none here), for the page to show it.
    expect(newestShown.actors[0]).toHaveProperty("avatarUrl", null);

    // Arrives after the page was drawn: another person's follow would group with the first,
    // so a comment, which stands alone.
    const post = await publish(author, "Later");
    await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: later.token,
      body: { text: "after you looked" },
    });
    await poll(async () => (await unread(author)) === 3, { what: "3 unread" });

    // Someone else's id marks nothing, and doesn't say whether it exists.
    const otherWelcome = await waitForItem(other, (i) => i.kind === "welcome", "a welcome");
    const foreign = await api("/api/notifications/read", {
      method: "POST",
      token: author.token,
      body: { upTo: otherWelcome.id },
    });
    expect(foreign.status).toBe(200);
    expect(foreign.body).toEqual({ updated: 0, unread: 3 });
    expect(await unread(other)).toBe(1);

    const seen = await api("/api/notifications/read", {
      method: "POST",
      token: author.token,
      body: { upTo: newestShown.id },
    });
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ updated: 2, unread: 1 });
    const after = await items(author);
    expect(after.filter((i) => !i.read).map((i) => i.kind)).toEqual(["comment"]);
    expect(after.find((i) => i.kind === "welcome")?.read).toBe(true);
  });

  it("pages with a cursor scoped to the viewer", async () => {
    const [author, other] = [await registerAndSignIn(), await registerAndSignIn()];
    const post = await publish(author, "Page me");
    const fan = await registerAndSignIn();
    await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: fan.token,
      body: { text: "one" },
    });
    await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: fan.token,
      body: { text: "two" },
    });
    await poll(async () => (await unread(author)) === 3, { what: "3 notifications" });

    const first = await list(author, "?limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(author, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((i) => i.kind)).toEqual(["welcome"]);
    expect(second.nextCursor).toBeNull();
    expect(first.items.map((i) => i.data.excerpt)).toEqual(["two", "one"]);

    const stolen = await api(`/api/notifications?cursor=${encodeURIComponent(first.nextCursor!)}`, {
      token: other.token,
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.code).toBe("invalid_cursor");
  });

  it("respects muted kinds, and validates settings", async () => {
    const [author, fan] = [await registerAndSignIn(), await registerAndSignIn()];
    // Money mail on, social mail off, until the user says otherwise (mail-kinds.test.ts).
    const emailKinds = {
      receipts: true,
      payments_received: true,
      payouts: true,
      new_follower: false,
    };
    expect((await api("/api/notifications/settings", { token: author.token })).body).toEqual({
      mutedKinds: [],
      emailKinds,
    });
    const put = await api("/api/notifications/settings", {
      method: "PUT",
      token: author.token,
      body: { mutedKinds: ["like", "follow", "like"] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ mutedKinds: ["like", "follow"], emailKinds });
    expect((await api("/api/notifications/settings", { token: author.token })).body).toEqual({
      mutedKinds: ["like", "follow"],
      emailKinds,
    });

    const post = await publish(author, "Quiet please");
    await followUser(fan, author);
    await api(`/api/posts/${post.id}/like`, { method: "POST", token: fan.token });
    await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: fan.token,
      body: { text: "still here" },
    });
    // The comment came last: once it is in, the follow and the like before it were handled.
    await waitForItem(author, (i) => i.kind === "comment", "the comment");
    const kinds = (await items(author)).map((i) => i.kind);
    expect(kinds).not.toContain("like");
    expect(kinds).not.toContain("follow");

    for (const body of [
      { mutedKinds: ["welcome"] },
      { mutedKinds: ["purchase_receipt"] },
      { mutedKinds: ["nonsense"] },
      { mutedKinds: "like" },
      { mutedKinds: [], extra: true },
      {},
      { emailKinds: { nonsense: true } },
      { emailKinds: { receipts: "no" } },
      { emailKinds: [] },
    ]) {
      const bad = await api("/api/notifications/settings", {
        method: "PUT",
        token: author.token,
        body,
      });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.code).toBe("validation_failed");
    }
  });

  it("refuses bad input and anonymous callers", async () => {
    const user = await registerAndSignIn();
    for (const body of [
      {},
      { ids: [] },
      { all: false },
      { ids: "x" },
      { ids: ["a"], all: true },
      { upTo: "" },
      { upTo: "a", all: true },
    ]) {
      const res = await api("/api/notifications/read", { method: "POST", token: user.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api("/api/notifications?limit=101", { token: user.token })).status).toBe(400);
    for (const path of [
      "/api/notifications",
      "/api/notifications/unread-count",
      "/api/notifications/settings",
    ]) {
      expect((await api(path)).status).toBe(401);
    }
  });

  it("reports the outbox and the functions' counters without secrets", async () => {
    const res = await api("/api/events/status", { token: TEST_METRICS_TOKEN });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: "in-process",
      outbox: { pending: expect.any(Number), failing: 0 },
      process: { dispatcher: { running: true } },
    });
    const ids = res.body.process.functions.map((f: { id: string }) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(["post-created-notify", "payment-completed-notify", "hourly-cleanup"]),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/key|secret|error/i);
    // Inngest isn't configured: its endpoint has nothing to serve.
    const inngest = await api("/api/inngest");
    expect(inngest.status).toBe(404);
    expect(inngest.body.error.code).toBe("not_found");
  });
});
