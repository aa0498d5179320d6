import { describe, expect, it } from "vitest";
import { api, registerAndSignIn } from "@/tests/support/api-client";

async function publish(token: string) {
  const res = await api("/api/posts", { method: "POST", token, body: { text: "Discuss." } });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function comment(postId: string, token: string, text: string) {
  const res = await api(`/api/posts/${postId}/comments`, { method: "POST", token, body: { text } });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

const commentCount = async (postId: string) =>
  (await api(`/api/posts/${postId}`)).body.counts.comments as number;

const removeComment = (id: string, token?: string) =>
  api(`/api/comments/${id}`, { method: "DELETE", token });

describe("POST /api/posts/{id}/comments", () => {
  it("creates a trimmed comment with its author and counts it on the post", async () => {
    const author = await registerAndSignIn();
    const commenter = await registerAndSignIn();
    const post = await publish(author.token);

    const res = await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: commenter.token,
      body: { text: "  Nice one!  " },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      postId: post.id,
      parentId: null,
      deleted: false,
      replyTo: null,
      replyCount: 0,
      author: expect.objectContaining({
        id: commenter.user.id,
        username: commenter.user.username,
        viewer: { isSelf: true, following: false, followsYou: false },
      }),
      text: "Nice one!",
      createdAt: expect.any(String),
      viewer: { canDelete: true },
    });
    expect(await commentCount(post.id)).toBe(1);

    const longest = await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: commenter.token,
      body: { text: "x".repeat(1000) },
    });
    expect(longest.status).toBe(201);
    expect(await commentCount(post.id)).toBe(2);
  });

  it("counts every comment when many arrive at once", async () => {
    const author = await registerAndSignIn();
    const people = await Promise.all(Array.from({ length: 5 }, () => registerAndSignIn()));
    const post = await publish(author.token);
    await Promise.all(people.map((p, i) => comment(post.id, p.token, `comment ${i}`)));
    expect(await commentCount(post.id)).toBe(5);
  });

  it.each([
    ["empty text", { text: "" }],
    ["blank text", { text: "   \n  " }],
    ["over-long text", { text: "x".repeat(1001) }],
    ["no text", {}],
    ["a wrong type", { text: 42 }],
    ["an unknown field", { text: "ok", authorId: "someone-else" }],
  ])("refuses %s with 400", async (_label, body) => {
    const { token } = await registerAndSignIn();
    const post = await publish(token);
    const res = await api(`/api/posts/${post.id}/comments`, { method: "POST", token, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(await commentCount(post.id)).toBe(0);
  });

  it("refuses the signed-out (401) and unknown posts (404)", async () => {
    const { token } = await registerAndSignIn();
    const post = await publish(token);
    const signedOut = await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      body: { text: "hi" },
    });
    expect(signedOut.status).toBe(401);
    const unknown = await api("/api/posts/no_such_post/comments", {
      method: "POST",
      token,
      body: { text: "hi" },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
  });
});

describe("GET /api/posts/{id}/comments", () => {
  it("lists oldest first, paged with a cursor, to anyone", async () => {
    const author = await registerAndSignIn();
    const people = [await registerAndSignIn(), await registerAndSignIn()];
    const post = await publish(author.token);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await comment(post.id, people[i % 2]!.token, `comment ${i}`)).id);
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const page = await api(`/api/posts/${post.id}/comments${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) {
        expect(item).toMatchObject({ postId: post.id, viewer: null, author: { viewer: null } });
      }
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);

    const all = await api(`/api/posts/${post.id}/comments`);
    expect(all.body.items.map((c: { text: string }) => c.text)).toEqual(
      ids.map((_, i) => `comment ${i}`),
    );
  });

  it("tells each viewer which comments they may delete", async () => {
    const author = await registerAndSignIn();
    const commenter = await registerAndSignIn();
    const bystander = await registerAndSignIn();
    const post = await publish(author.token);
    const mine = await comment(post.id, commenter.token, "from the commenter");
    const authors = await comment(post.id, author.token, "from the author");

    const canDelete = async (token: string) => {
      const res = await api(`/api/posts/${post.id}/comments`, { token });
      return Object.fromEntries(
        res.body.items.map((c: { id: string; viewer: { canDelete: boolean } }) => [
          c.id,
          c.viewer.canDelete,
        ]),
      );
    };
    expect(await canDelete(author.token)).toEqual({ [mine.id]: true, [authors.id]: true });
    expect(await canDelete(commenter.token)).toEqual({ [mine.id]: true, [authors.id]: false });
    expect(await canDelete(bystander.token)).toEqual({ [mine.id]: false, [authors.id]: false });
  });

  it("is 404 for an unknown post", async () => {
    const res = await api("/api/posts/no_such_post/comments");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("refuses a tampered cursor or one from another post's comments", async () => {
    const { token } = await registerAndSignIn();
    const [post, other] = [await publish(token), await publish(token)];
    for (const p of [post, other]) {
      await comment(p.id, token, "one");
      await comment(p.id, token, "two");
    }
    const page = await api(`/api/posts/${post.id}/comments?limit=1`);
    const cursor: string = page.body.nextCursor;
    expect(cursor).toBeTruthy();

    const [payload, signature] = cursor.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, "base64url").toString()),
        p: { t: new Date(0).toISOString(), id: "a" },
      }),
    ).toString("base64url");
    for (const bad of [`${forged}.${signature}`, "garbage", `${payload}.AAAA`]) {
      const res = await api(`/api/posts/${post.id}/comments?cursor=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_cursor");
    }
    const replayed = await api(
      `/api/posts/${other.id}/comments?cursor=${encodeURIComponent(cursor)}`,
    );
    expect(replayed.status).toBe(400);
    expect(replayed.body.error.code).toBe("invalid_cursor");
  });
});

describe("DELETE /api/comments/{id}", () => {
  it("lets the comment's author delete it, once", async () => {
    const author = await registerAndSignIn();
    const commenter = await registerAndSignIn();
    const post = await publish(author.token);
    const c = await comment(post.id, commenter.token, "oops");
    expect(await commentCount(post.id)).toBe(1);

    const res = await removeComment(c.id, commenter.token);
    expect(res.status).toBe(204);
    expect(await commentCount(post.id)).toBe(0);
    expect((await api(`/api/posts/${post.id}/comments`)).body.items).toEqual([]);

    const again = await removeComment(c.id, commenter.token);
    expect(again.status).toBe(404);
    expect(await commentCount(post.id)).toBe(0);
  });

  it("lets the post's author delete anyone's comment on their post", async () => {
    const author = await registerAndSignIn();
    const commenter = await registerAndSignIn();
    const post = await publish(author.token);
    const c = await comment(post.id, commenter.token, "rude");
    const res = await removeComment(c.id, author.token);
    expect(res.status).toBe(204);
    expect(await commentCount(post.id)).toBe(0);
  });

  it("refuses anyone else with 403 and leaves the comment", async () => {
    const author = await registerAndSignIn();
    const commenter = await registerAndSignIn();
    const stranger = await registerAndSignIn();
    const post = await publish(author.token);
    const c = await comment(post.id, commenter.token, "mine");

    // Being the author of some other post gives no rights here.
    const strangersPost = await publish(stranger.token);
    await comment(strangersPost.id, commenter.token, "elsewhere");

    const res = await removeComment(c.id, stranger.token);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(await commentCount(post.id)).toBe(1);
    const list = await api(`/api/posts/${post.id}/comments`);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it("refuses the signed-out (401) and unknown comments (404)", async () => {
    const { token } = await registerAndSignIn();
    const post = await publish(token);
    const c = await comment(post.id, token, "hello");
    expect((await removeComment(c.id)).status).toBe(401);
    const unknown = await removeComment("no_such_comment", token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    expect(await commentCount(post.id)).toBe(1);
  });

  it("counts every delete when many comments go at once", async () => {
    const author = await registerAndSignIn();
    const commenter = await registerAndSignIn();
    const post = await publish(author.token);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await comment(post.id, commenter.token, `c${i}`)).id);
    // The commenter and the post's author race to delete the same comments.
    const results = await Promise.all(
      ids.flatMap((id) => [removeComment(id, commenter.token), removeComment(id, author.token)]),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(4);
    expect(statuses.filter((s) => s === 404)).toHaveLength(4);
    expect(await commentCount(post.id)).toBe(0);
  });
});

describe("deleting a post", () => {
  it("takes its comments with it", async () => {
    const author = await registerAndSignIn();
    const commenter = await registerAndSignIn();
    const post = await publish(author.token);
    const c = await comment(post.id, commenter.token, "soon gone");

    const deleted = await api(`/api/posts/${post.id}`, { method: "DELETE", token: author.token });
    expect(deleted.status).toBe(204);
    expect((await api(`/api/posts/${post.id}/comments`)).status).toBe(404);
    expect((await removeComment(c.id, commenter.token)).status).toBe(404);
    const late = await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: commenter.token,
      body: { text: "too late" },
    });
    expect(late.status).toBe(404);
  });
});
