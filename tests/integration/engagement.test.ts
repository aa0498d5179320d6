import { describe, expect, it } from "vitest";
import { api, registerAndSignIn, type SignedInUser } from "@/tests/support/api-client";

async function publish(token: string, text = "A post to engage with") {
  const res = await api("/api/posts", { method: "POST", token, body: { text } });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

const like = (postId: string, token?: string) =>
  api(`/api/posts/${postId}/like`, { method: "POST", token });
const unlike = (postId: string, token?: string) =>
  api(`/api/posts/${postId}/like`, { method: "DELETE", token });
const react = (postId: string, token: string | undefined, body: unknown) =>
  api(`/api/posts/${postId}/react`, { method: "POST", token, body });
const unreact = (postId: string, token: string, emoji: string) =>
  api(`/api/posts/${postId}/react?emoji=${encodeURIComponent(emoji)}`, {
    method: "DELETE",
    token,
  });
const save = (postId: string, token?: string) =>
  api(`/api/posts/${postId}/save`, { method: "POST", token });
const unsave = (postId: string, token?: string) =>
  api(`/api/posts/${postId}/save`, { method: "DELETE", token });
const likesReceived = async (user: SignedInUser) =>
  (await api(`/api/users/${user.user.id}/stats`)).body.likesReceived as number;

describe("likes", () => {
  it("likes and unlikes idempotently, answering the post with counts", async () => {
    const author = await registerAndSignIn();
    const fan = await registerAndSignIn();
    const post = await publish(author.token);

    const first = await like(post.id, fan.token);
    const again = await like(post.id, fan.token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      id: post.id,
      counts: { likes: 1 },
      viewer: { liked: true, isAuthor: false },
    });
    expect(again.status).toBe(200);
    expect(again.body.counts.likes).toBe(1);
    expect(await likesReceived(author)).toBe(1);

    const asAuthor = await api(`/api/posts/${post.id}`, { token: author.token });
    expect(asAuthor.body).toMatchObject({ counts: { likes: 1 }, viewer: { liked: false } });

    const off = await unlike(post.id, fan.token);
    const offAgain = await unlike(post.id, fan.token);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ counts: { likes: 0 }, viewer: { liked: false } });
    expect(offAgain.body.counts.likes).toBe(0);
    expect(await likesReceived(author)).toBe(0);
  });

  it("counts one like when the same person likes many times at once", async () => {
    const author = await registerAndSignIn();
    const fan = await registerAndSignIn();
    const post = await publish(author.token);

    const results = await Promise.all(Array.from({ length: 8 }, () => like(post.id, fan.token)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect((await api(`/api/posts/${post.id}`)).body.counts.likes).toBe(1);
    expect(await likesReceived(author)).toBe(1);
  });

  it("counts every like when different people like at once, and every unlike", async () => {
    const author = await registerAndSignIn();
    const fans = await Promise.all(Array.from({ length: 5 }, () => registerAndSignIn()));
    const [post, other] = [await publish(author.token), await publish(author.token)];

    const liked = await Promise.all(fans.map((f) => like(post.id, f.token)));
    expect(liked.map((r) => r.status)).toEqual(Array(5).fill(200));
    expect((await api(`/api/posts/${post.id}`)).body.counts.likes).toBe(5);
    await like(other.id, fans[0]!.token);
    expect(await likesReceived(author)).toBe(6);

    const unliked = await Promise.all(fans.slice(0, 3).map((f) => unlike(post.id, f.token)));
    expect(unliked.map((r) => r.status)).toEqual(Array(3).fill(200));
    expect((await api(`/api/posts/${post.id}`)).body.counts.likes).toBe(2);
    expect(await likesReceived(author)).toBe(3);
  });

  it("refuses the signed-out (401) and unknown or deleted posts (404)", async () => {
    const author = await registerAndSignIn();
    const fan = await registerAndSignIn();
    const post = await publish(author.token);

    expect((await like(post.id)).status).toBe(401);
    expect((await unlike(post.id)).status).toBe(401);
    for (const res of [await like("no_such_post", fan.token), await unlike("nope", fan.token)]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }

    await like(post.id, fan.token);
    expect(await likesReceived(author)).toBe(1);
    const deleted = await api(`/api/posts/${post.id}`, { method: "DELETE", token: author.token });
    expect(deleted.status).toBe(204);
    expect((await like(post.id, fan.token)).status).toBe(404);
    expect((await unlike(post.id, fan.token)).status).toBe(404);
    // The deleted post's likes leave the author's total with it.
    expect(await likesReceived(author)).toBe(0);
  });
});

describe("reactions", () => {
  it("counts per emoji, lets one person add several emoji once each, and shows their own", async () => {
    const author = await registerAndSignIn();
    const a = await registerAndSignIn();
    const b = await registerAndSignIn();
    const post = await publish(author.token);

    expect((await react(post.id, a.token, { emoji: "🔥" })).status).toBe(200);
    expect((await react(post.id, a.token, { emoji: "😂" })).status).toBe(200);
    const repeated = await react(post.id, a.token, { emoji: "🔥" });
    expect(repeated.status).toBe(200);
    const byB = await react(post.id, b.token, { emoji: "🔥" });
    expect(byB.body).toMatchObject({
      counts: { reactions: 3, likes: 0 },
      reactions: [
        { emoji: "🔥", count: 2 },
        { emoji: "😂", count: 1 },
      ],
      viewer: { reactions: ["🔥"] },
    });

    const asA = await api(`/api/posts/${post.id}`, { token: a.token });
    expect([...asA.body.viewer.reactions].sort()).toEqual(["😂", "🔥"].sort());
    const signedOut = await api(`/api/posts/${post.id}`);
    expect(signedOut.body).toMatchObject({ counts: { reactions: 3 }, viewer: null });

    const removed = await unreact(post.id, a.token, "🔥");
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ counts: { reactions: 2 }, viewer: { reactions: ["😂"] } });
    // Equal counts: the order among them is not part of the contract.
    expect(removed.body.reactions).toHaveLength(2);
    expect(removed.body.reactions).toEqual(
      expect.arrayContaining([
        { emoji: "😂", count: 1 },
        { emoji: "🔥", count: 1 },
      ]),
    );
    const removedAgain = await unreact(post.id, a.token, "🔥");
    expect(removedAgain.body.counts.reactions).toBe(2);

    await unreact(post.id, a.token, "😂");
    const last = await unreact(post.id, b.token, "🔥");
    // An emoji nobody uses any more is not listed with a zero.
    expect(last.body).toMatchObject({ counts: { reactions: 0 }, reactions: [] });
  });

  it("counts every reaction when many arrive at once", async () => {
    const author = await registerAndSignIn();
    const fans = await Promise.all(Array.from({ length: 5 }, () => registerAndSignIn()));
    const post = await publish(author.token);
    const results = await Promise.all([
      ...fans.map((f) => react(post.id, f.token, { emoji: "👏" })),
      ...fans.map((f) => react(post.id, f.token, { emoji: "👏" })),
      ...fans.map((f) => react(post.id, f.token, { emoji: "😮" })),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(15).fill(200));
    const res = await api(`/api/posts/${post.id}`);
    expect(res.body.counts.reactions).toBe(10);
    expect(res.body.reactions).toHaveLength(2);
    expect(res.body.reactions).toEqual(
      expect.arrayContaining([
        { emoji: "👏", count: 5 },
        { emoji: "😮", count: 5 },
      ]),
    );
  });

  it("takes the emoji URL-encoded in the query string, variation selector included", async () => {
    const author = await registerAndSignIn();
    const post = await publish(author.token);
    const added = await react(post.id, author.token, { emoji: "❤️" });
    expect(added.body.reactions).toEqual([{ emoji: "❤️", count: 1 }]);
    const removed = await api(`/api/posts/${post.id}/react?emoji=%E2%9D%A4%EF%B8%8F`, {
      method: "DELETE",
      token: author.token,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.counts.reactions).toBe(0);
  });

  it("refuses unknown emoji and other bad input with a clear 400", async () => {
    const { token } = await registerAndSignIn();
    const post = await publish(token);

    const unknown = await react(post.id, token, { emoji: "💩" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("validation_failed");
    expect(unknown.body.error.message).toContain("emoji");
    expect(unknown.body.error.message).toContain("🔥");

    for (const body of [{}, { emoji: "🔥", extra: true }, { emoji: 1 }]) {
      const res = await react(post.id, token, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const unknownQuery = await unreact(post.id, token, "💩");
    expect(unknownQuery.status).toBe(400);
    expect(unknownQuery.body.error.message).toContain("emoji");
    const noQuery = await api(`/api/posts/${post.id}/react`, { method: "DELETE", token });
    expect(noQuery.status).toBe(400);
  });

  it("refuses the signed-out (401) and unknown posts (404)", async () => {
    const { token } = await registerAndSignIn();
    const post = await publish(token);
    expect((await react(post.id, undefined, { emoji: "🔥" })).status).toBe(401);
    const signedOutDelete = await api(
      `/api/posts/${post.id}/react?emoji=${encodeURIComponent("🔥")}`,
      {
        method: "DELETE",
      },
    );
    expect(signedOutDelete.status).toBe(401);
    expect((await react("no_such_post", token, { emoji: "🔥" })).status).toBe(404);
    expect((await unreact("no_such_post", token, "🔥")).status).toBe(404);
  });
});

describe("saves", () => {
  it("saves and unsaves idempotently, answering the post", async () => {
    const author = await registerAndSignIn();
    const reader = await registerAndSignIn();
    const post = await publish(author.token);

    const saved = await save(post.id, reader.token);
    const savedAgain = await save(post.id, reader.token);
    expect(saved.status).toBe(200);
    expect(saved.body.viewer).toMatchObject({ saved: true });
    expect(savedAgain.body.viewer.saved).toBe(true);
    expect((await api("/api/posts/saved", { token: reader.token })).body.items).toHaveLength(1);

    const off = await unsave(post.id, reader.token);
    const offAgain = await unsave(post.id, reader.token);
    expect(off.status).toBe(200);
    expect(off.body.viewer.saved).toBe(false);
    expect(offAgain.body.viewer.saved).toBe(false);
    expect((await api("/api/posts/saved", { token: reader.token })).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("lists saved posts most recently saved first, paged with a cursor", async () => {
    const author = await registerAndSignIn();
    const reader = await registerAndSignIn();
    const posts = [];
    for (let i = 0; i < 5; i++) posts.push(await publish(author.token, `post ${i}`));
    // Saved in a different order from publication: the list follows the saves.
    const order = [posts[2]!, posts[0]!, posts[4]!, posts[1]!, posts[3]!];
    for (const p of order) expect((await save(p.id, reader.token)).status).toBe(200);
    // Saving again does not move a post to the top.
    await save(posts[2]!.id, reader.token);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const page = await api(`/api/posts/saved${query}`, { token: reader.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) {
        expect(item).toMatchObject({ author: { id: author.user.id }, viewer: { saved: true } });
      }
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(order.map((p) => p.id).reverse());

    // Others' saves are their own.
    const other = await registerAndSignIn();
    expect((await api("/api/posts/saved", { token: other.token })).body.items).toEqual([]);
  });

  it("drops a deleted post from everyone's saved list", async () => {
    const author = await registerAndSignIn();
    const readers = [await registerAndSignIn(), await registerAndSignIn()];
    const [kept, doomed] = [await publish(author.token), await publish(author.token)];
    for (const r of readers) {
      await save(kept.id, r.token);
      await save(doomed.id, r.token);
    }
    await api(`/api/posts/${doomed.id}`, { method: "DELETE", token: author.token });
    for (const r of readers) {
      const list = await api("/api/posts/saved", { token: r.token });
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([kept.id]);
    }
    expect((await save(doomed.id, readers[0]!.token)).status).toBe(404);
    expect((await unsave(doomed.id, readers[0]!.token)).status).toBe(404);
  });

  it("refuses a tampered cursor or another user's cursor", async () => {
    const author = await registerAndSignIn();
    const reader = await registerAndSignIn();
    const other = await registerAndSignIn();
    for (let i = 0; i < 2; i++) {
      const p = await publish(author.token);
      await save(p.id, reader.token);
      await save(p.id, other.token);
    }
    const page = await api("/api/posts/saved?limit=1", { token: reader.token });
    const cursor: string = page.body.nextCursor;
    expect(cursor).toBeTruthy();

    const [payload, signature] = cursor.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, "base64url").toString()),
        p: { t: new Date().toISOString(), id: "z" },
      }),
    ).toString("base64url");
    for (const bad of [`${forged}.${signature}`, "garbage", `${payload}.AAAA`]) {
      const res = await api(`/api/posts/saved?cursor=${encodeURIComponent(bad)}`, {
        token: reader.token,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_cursor");
    }
    const replayed = await api(`/api/posts/saved?cursor=${encodeURIComponent(cursor)}`, {
      token: other.token,
    });
    expect(replayed.status).toBe(400);
    expect(replayed.body.error.code).toBe("invalid_cursor");
  });

  it("refuses the signed-out (401) and unknown posts (404)", async () => {
    const { token } = await registerAndSignIn();
    const post = await publish(token);
    expect((await api("/api/posts/saved")).status).toBe(401);
    expect((await save(post.id)).status).toBe(401);
    expect((await unsave(post.id)).status).toBe(401);
    expect((await save("no_such_post", token)).status).toBe(404);
    expect((await unsave("no_such_post", token)).status).toBe(404);
  });
});
