// Reposts and quote posts over HTTP: counts on the original, followers' feeds showing a post once
// however many ways it reaches them, the author told, and a quote whose original is gone.
import { describe, expect, it } from "vitest";
import { api, registerAndSignIn, type SignedInUser } from "@/tests/support/api-client";

async function publish(token: string, body: Record<string, unknown>) {
  const res = await api("/api/posts", { method: "POST", token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const follow = async (follower: SignedInUser, followee: SignedInUser) =>
  expect(
    (await api(`/api/users/${followee.user.id}/follow`, { method: "POST", token: follower.token }))
      .status,
  ).toBe(200);

const feedIds = async (user: SignedInUser) => {
  const res = await api("/api/posts/feed/me?limit=50", { token: user.token });
  expect(res.status).toBe(200);
  return res.body.items as { id: string; repostedBy: { username: string } | null }[];
};

/** Background notifications arrive within a few seconds (the in-process dispatcher). */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("reposts", () => {
  it("counts once per person, shows in followers' feeds once, and tells the author", async () => {
    const author = await registerAndSignIn();
    const friend = await registerAndSignIn();
    const reader = await registerAndSignIn();
    const post = await publish(author.token, { text: "Worth sharing" });
    await follow(reader, friend);

    const first = await api(`/api/posts/${post.id}/repost`, {
      method: "POST",
      token: friend.token,
    });
    expect(first.status).toBe(200);
    expect(first.body.counts.reposts).toBe(1);
    expect(first.body.viewer.reposted).toBe(true);
    const again = await api(`/api/posts/${post.id}/repost`, {
      method: "POST",
      token: friend.token,
    });
    expect(again.body.counts.reposts).toBe(1);

    // Through the friend only: there, attributed to them.
    let items = await feedIds(reader);
    expect(items.filter((i) => i.id === post.id)).toHaveLength(1);
    expect(items.find((i) => i.id === post.id)?.repostedBy?.username).toBe(friend.user.username);

    // Following the author as well still shows it once.
    await follow(reader, author);
    items = await feedIds(reader);
    expect(items.filter((i) => i.id === post.id)).toHaveLength(1);

    const notes = await eventually(
      async () => (await api("/api/notifications", { token: author.token })).body.items,
      (list: { kind: string }[]) => list.some((n) => n.kind === "repost"),
    );
    expect(notes.some((n: { kind: string }) => n.kind === "repost")).toBe(true);

    const undone = await api(`/api/posts/${post.id}/repost`, {
      method: "DELETE",
      token: friend.token,
    });
    expect(undone.body.counts.reposts).toBe(0);
    expect(undone.body.viewer.reposted).toBe(false);
    // Still there through the author, now without the attribution.
    items = await feedIds(reader);
    expect(items.find((i) => i.id === post.id)?.repostedBy).toBeNull();
  });

  it("refuses the signed out and unknown posts", async () => {
    const user = await registerAndSignIn();
    expect((await api("/api/posts/nope/repost", { method: "POST" })).status).toBe(401);
    expect(
      (await api("/api/posts/nope/repost", { method: "POST", token: user.token })).status,
    ).toBe(404);
  });
});

describe("quote posts", () => {
  it("shows the original inside, counts it, and shows it unavailable once deleted", async () => {
    const author = await registerAndSignIn();
    const quoter = await registerAndSignIn();
    const original = await publish(author.token, { text: "The original thought" });

    const quote = await publish(quoter.token, {
      text: "Adding my take",
      quotedPostId: original.id,
    });
    expect(quote.quoted).toMatchObject({
      id: original.id,
      available: true,
      post: { text: "The original thought", author: { username: author.user.username } },
    });
    const counted = await api(`/api/posts/${original.id}`, { token: author.token });
    expect(counted.body.counts.quotes).toBe(1);

    const notes = await eventually(
      async () => (await api("/api/notifications", { token: author.token })).body.items,
      (list: { kind: string }[]) => list.some((n) => n.kind === "quote"),
    );
    expect(notes.some((n: { kind: string }) => n.kind === "quote")).toBe(true);

    expect(
      (await api(`/api/posts/${original.id}`, { method: "DELETE", token: author.token })).status,
    ).toBe(204);
    const after = await api(`/api/posts/${quote.id}`, { token: quoter.token });
    expect(after.body.quoted).toEqual({ id: original.id, available: false, post: null });
  });

  it("refuses to quote a post that does not exist", async () => {
    const quoter = await registerAndSignIn();
    const res = await api("/api/posts", {
      method: "POST",
      token: quoter.token,
      body: { text: "Quoting nothing", quotedPostId: "missing" },
    });
    expect(res.status).toBe(404);
  });
});
