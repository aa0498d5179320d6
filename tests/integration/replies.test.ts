import { describe, expect, it } from "vitest";
import { api, registerAndSignIn, type SignedInUser } from "@/tests/support/api-client";
import { poll } from "@/tests/support/poll";

// Reply threads over HTTP: one level deep, counted, paged, deleted into placeholders.

type Comment = {
  id: string;
  postId: string;
  parentId: string | null;
  author: { id: string; username: string } | null;
  text: string;
  deleted: boolean;
  replyTo: { id: string; username: string } | null;
  replyCount: number;
  viewer: { canDelete: boolean } | null;
};
type Page = { items: Comment[]; nextCursor: string | null };

async function publish(user: SignedInUser) {
  const res = await api("/api/posts", {
    method: "POST",
    token: user.token,
    body: { text: "Talk" },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

const write = (postId: string, user: SignedInUser, text: string, parentId?: string) =>
  api<Comment>(`/api/posts/${postId}/comments`, {
    method: "POST",
    token: user.token,
    body: parentId ? { text, parentId } : { text },
  });

async function comment(postId: string, user: SignedInUser, text: string, parentId?: string) {
  const res = await write(postId, user, text, parentId);
  expect(res.status).toBe(201);
  return res.body;
}

const topLevel = async (postId: string, token?: string) =>
  (await api<Page>(`/api/posts/${postId}/comments?limit=100`, { token })).body.items;
const replies = async (commentId: string, query = "?limit=100", token?: string) =>
  api<Page>(`/api/comments/${commentId}/replies${query}`, { token });
const commentCount = async (postId: string) =>
  (await api(`/api/posts/${postId}`)).body.counts.comments as number;
const remove = (id: string, user?: SignedInUser) =>
  api(`/api/comments/${id}`, { method: "DELETE", token: user?.token });

async function threadOf() {
  const [author, commenter, replier] = await Promise.all([
    registerAndSignIn(),
    registerAndSignIn(),
    registerAndSignIn(),
  ]);
  const post = await publish(author);
  const parent = await comment(post.id, commenter, "Top-level");
  return { author, commenter, replier, post, parent };
}

describe("replying to a comment", () => {
  it("files the reply under its parent, counts it, and keeps it out of the top-level list", async () => {
    const { commenter, replier, post, parent } = await threadOf();
    const reply = await comment(post.id, replier, "A reply", parent.id);
    expect(reply).toMatchObject({
      parentId: parent.id,
      author: { id: replier.user.id },
      text: "A reply",
      deleted: false,
      replyTo: null,
      replyCount: 0,
      viewer: { canDelete: true },
    });

    const list = await topLevel(post.id, commenter.token);
    expect(list.map((c) => c.id)).toEqual([parent.id]);
    expect(list[0]).toMatchObject({ replyCount: 1, parentId: null });
    expect(await commentCount(post.id)).toBe(2);

    const res = await replies(parent.id);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c) => c.id)).toEqual([reply.id]);
  });

  it("flattens a reply to a reply into the same thread, naming whom it answers", async () => {
    const { commenter, replier, post, parent } = await threadOf();
    const first = await comment(post.id, replier, "One level", parent.id);
    const second = await comment(post.id, commenter, "Two levels?", first.id);
    expect(second).toMatchObject({
      parentId: parent.id,
      replyTo: { id: replier.user.id, username: replier.user.username },
    });
    expect((await replies(first.id)).body.items).toEqual([]);
    expect((await replies(parent.id)).body.items.map((c) => c.id)).toEqual([first.id, second.id]);
    expect((await topLevel(post.id))[0]!.replyCount).toBe(2);
  });

  it("pages the replies with a cursor, oldest first", async () => {
    const { replier, post, parent } = await threadOf();
    const written = [];
    for (let i = 0; i < 5; i++)
      written.push((await comment(post.id, replier, `r${i}`, parent.id)).id);
    const seen: string[] = [];
    let query = "?limit=2";
    for (let pages = 0; pages < 5; pages++) {
      const res = await replies(parent.id, query);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((c) => c.id));
      if (!res.body.nextCursor) break;
      query = `?limit=2&cursor=${encodeURIComponent(res.body.nextCursor)}`;
    }
    expect(seen).toEqual(written);

    // A cursor belongs to its own thread.
    const other = await comment(post.id, replier, "Another top-level");
    const page = await replies(parent.id, "?limit=2");
    const stolen = await replies(other.id, `?cursor=${encodeURIComponent(page.body.nextCursor!)}`);
    expect(stolen.status).toBe(400);
  });

  it("refuses a parent from another post (404), an unknown one (404) and the signed-out (401)", async () => {
    const { replier, post, parent, author } = await threadOf();
    const elsewhere = await publish(author);
    const crossed = await write(elsewhere.id, replier, "Wrong post", parent.id);
    expect(crossed.status).toBe(404);
    expect((await write(post.id, replier, "Nobody", "no-such-comment")).status).toBe(404);
    const anonymous = await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      body: { text: "Hi", parentId: parent.id },
    });
    expect(anonymous.status).toBe(401);
    expect(await commentCount(elsewhere.id)).toBe(0);
    expect((await topLevel(post.id))[0]!.replyCount).toBe(0);
    expect((await replies("no-such-comment")).status).toBe(404);
  });

  it("refuses a reply to someone who blocked you (403)", async () => {
    const { commenter, replier, post, parent } = await threadOf();
    const blocked = await api(`/api/users/${replier.user.id}/block`, {
      method: "POST",
      token: commenter.token,
    });
    expect(blocked.status).toBeLessThan(300);
    expect((await write(post.id, replier, "Let me in", parent.id)).status).toBe(403);
  });
});

describe("deleting in a thread", () => {
  it("leaves a [deleted] placeholder with the replies, and removes it with its last reply", async () => {
    const { commenter, replier, post, parent } = await threadOf();
    const reply = await comment(post.id, replier, "Still here", parent.id);
    expect(await commentCount(post.id)).toBe(2);

    expect((await remove(parent.id, commenter)).status).toBeLessThan(300);
    const [placeholder] = await topLevel(post.id, commenter.token);
    expect(placeholder).toMatchObject({
      id: parent.id,
      deleted: true,
      text: "",
      author: null,
      replyCount: 1,
      viewer: { canDelete: false },
    });
    expect((await replies(parent.id)).body.items.map((c) => c.id)).toEqual([reply.id]);
    expect(await commentCount(post.id)).toBe(1);
    // Gone already: a second delete is unknown, and nobody can reply to it directly.
    expect((await remove(parent.id, commenter)).status).toBe(404);
    expect((await write(post.id, replier, "To the void", parent.id)).status).toBe(404);

    expect((await remove(reply.id, replier)).status).toBeLessThan(300);
    expect(await topLevel(post.id)).toEqual([]);
    expect(await commentCount(post.id)).toBe(0);
  });

  it("removes a comment without replies, and a reply off its parent's count", async () => {
    const { commenter, replier, post, parent } = await threadOf();
    const reply = await comment(post.id, replier, "Short-lived", parent.id);
    expect((await remove(reply.id, replier)).status).toBeLessThan(300);
    expect((await topLevel(post.id))[0]).toMatchObject({ id: parent.id, replyCount: 0 });
    expect((await remove(parent.id, commenter)).status).toBeLessThan(300);
    expect(await topLevel(post.id)).toEqual([]);
    expect(await commentCount(post.id)).toBe(0);
  });

  it("lets only a reply's author or the post's author delete it", async () => {
    const { author, commenter, replier, post, parent } = await threadOf();
    const reply = await comment(post.id, replier, "Mine", parent.id);
    expect((await remove(reply.id, commenter)).status).toBe(403);
    expect((await remove(reply.id)).status).toBe(401);
    const [seen] = (await replies(parent.id, "?limit=10", commenter.token)).body.items;
    expect(seen!.viewer).toEqual({ canDelete: false });
    expect((await remove(reply.id, author)).status).toBeLessThan(300);
    expect(await commentCount(post.id)).toBe(1);
  });

  it("keeps other people's replies when the parent's author deletes their account", async () => {
    const { commenter, replier, post, parent } = await threadOf();
    await comment(post.id, commenter, "My own follow-up", parent.id);
    const kept = await comment(post.id, replier, "Outlives it", parent.id);
    expect(await commentCount(post.id)).toBe(3);

    const gone = await api("/api/users/me", {
      method: "DELETE",
      token: commenter.token,
      body: { password: commenter.credentials.password },
    });
    expect(gone.status).toBeLessThan(300);

    const [placeholder] = await topLevel(post.id);
    expect(placeholder).toMatchObject({ id: parent.id, deleted: true, replyCount: 1 });
    expect((await replies(parent.id)).body.items.map((c) => c.id)).toEqual([kept.id]);
    expect(await commentCount(post.id)).toBe(1);
  });
});

describe("reply notifications", () => {
  it("tells the parent's author, not the replier replying to themselves", async () => {
    const { commenter, replier, post, parent } = await threadOf();
    await comment(post.id, commenter, "Talking to myself", parent.id);
    await comment(post.id, replier, "Good point", parent.id);
    const item = await poll(
      async () => {
        const res = await api("/api/notifications?limit=50", { token: commenter.token });
        return (
          res.body.items as { kind: string; summary: string; data: { excerpt?: string } }[]
        ).find((i) => i.kind === "reply");
      },
      { what: "the reply notification" },
    );
    expect(item.summary).toBe(`${replier.credentials.displayName} replied to your comment`);
    expect(item.data.excerpt).toBe("Good point");
    const all = await api("/api/notifications?limit=50", { token: commenter.token });
    expect(all.body.items.filter((i: { kind: string }) => i.kind === "reply")).toHaveLength(1);
  });
});
