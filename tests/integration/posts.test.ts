import { describe, expect, it } from "vitest";
import { api, registerAndSignIn } from "@/tests/support/api-client";

async function publish(token: string, body: Record<string, unknown>) {
  const res = await api("/api/posts", { method: "POST", token, body });
  expect(res.status).toBe(201);
  return res.body;
}

describe("POST /api/posts", () => {
  it("publishes a post with its author, links and zeroed counts", async () => {
    const mentioned = await registerAndSignIn();
    const { token, user } = await registerAndSignIn();
    const post = await publish(token, {
      text: `  Hello #Grover and #grover_dev, hi @${mentioned.user.username} and @nobody_here_x  `,
      contentWarning: "spoilers",
    });

    expect(post).toMatchObject({
      text: `Hello #Grover and #grover_dev, hi @${mentioned.user.username} and @nobody_here_x`,
      contentWarning: "spoilers",
      author: { id: user.id, username: user.username },
      hashtags: ["grover", "grover_dev"],
      mentions: [mentioned.user.username],
      editedAt: null,
      counts: { likes: 0, comments: 0, reactions: 0 },
      reactions: [],
      viewer: { liked: false, saved: false, reactions: [], isAuthor: true },
    });
    expect((await api(`/api/users/${user.id}/stats`)).body.posts).toBe(1);
  });

  it("also answers at the contract's trailing-slash path", async () => {
    const { token } = await registerAndSignIn();
    const res = await api("/api/posts/", { method: "POST", token, body: { text: "slash" } });
    expect([201, 308]).toContain(res.status);
    if (res.status === 308) expect(res.headers.get("location")).toMatch(/\/api\/posts$/);
  });

  it.each([
    ["empty text", { text: "   " }],
    ["over-long text", { text: "x".repeat(2001) }],
    ["an over-long content warning", { text: "ok", contentWarning: "x".repeat(101) }],
    ["a wrong type", { text: 5 }],
    ["an unknown field", { text: "ok", authorId: "someone-else" }],
  ])("refuses %s with 400", async (_label, body) => {
    const { token } = await registerAndSignIn();
    const res = await api("/api/posts", { method: "POST", token, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
  });

  it("is 401 signed out", async () => {
    const res = await api("/api/posts", { method: "POST", body: { text: "hi" } });
    expect(res.status).toBe(401);
  });
});

describe("GET /api/posts/{id}", () => {
  it("shows a post to anyone, with viewer state only when signed in", async () => {
    const { token } = await registerAndSignIn();
    const reader = await registerAndSignIn();
    const post = await publish(token, { text: "public" });

    const signedOut = await api(`/api/posts/${post.id}`);
    expect(signedOut.status).toBe(200);
    expect(signedOut.body.viewer).toBeNull();

    const signedIn = await api(`/api/posts/${post.id}`, { token: reader.token });
    expect(signedIn.body.viewer).toEqual({
      liked: false,
      saved: false,
      reactions: [],
      reposted: false,
      isAuthor: false,
    });
  });

  it("is 404 for an unknown id", async () => {
    const res = await api("/api/posts/does-not-exist");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

describe("PUT /api/posts/{id} and its history", () => {
  it("edits the text, marks the post edited and keeps every earlier version", async () => {
    const { token } = await registerAndSignIn();
    const post = await publish(token, { text: "first #one" });

    const second = await api(`/api/posts/${post.id}`, {
      method: "PUT",
      token,
      body: { text: "second #two" },
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ text: "second #two", hashtags: ["two"] });
    expect(second.body.editedAt).not.toBeNull();

    await api(`/api/posts/${post.id}`, {
      method: "PUT",
      token,
      body: { contentWarning: "now with a warning" },
    });

    const history = await api(`/api/posts/${post.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.current).toMatchObject({
      text: "second #two",
      contentWarning: "now with a warning",
    });
    expect(history.body.earlier.map((v: { text: string }) => v.text)).toEqual([
      "second #two",
      "first #one",
    ]);
  });

  it("writes no version when nothing changed", async () => {
    const { token } = await registerAndSignIn();
    const post = await publish(token, { text: "same" });
    const res = await api(`/api/posts/${post.id}`, {
      method: "PUT",
      token,
      body: { text: "same" },
    });
    expect(res.body.editedAt).toBeNull();
    expect((await api(`/api/posts/${post.id}/history`)).body.earlier).toEqual([]);
  });

  it("lets only the author edit: 403 for others, 404 for unknown ids, 400 for an empty body", async () => {
    const author = await registerAndSignIn();
    const other = await registerAndSignIn();
    const post = await publish(author.token, { text: "mine" });

    const forbidden = await api(`/api/posts/${post.id}`, {
      method: "PUT",
      token: other.token,
      body: { text: "hijacked" },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");
    expect((await api(`/api/posts/${post.id}`)).body.text).toBe("mine");

    const unknown = await api("/api/posts/nope", {
      method: "PUT",
      token: author.token,
      body: { text: "x" },
    });
    expect(unknown.status).toBe(404);

    const empty = await api(`/api/posts/${post.id}`, {
      method: "PUT",
      token: author.token,
      body: {},
    });
    expect(empty.status).toBe(400);

    expect((await api("/api/posts/nope/history")).status).toBe(404);
  });
});

describe("DELETE /api/posts/{id}", () => {
  it("lets only the author delete, then the post is gone and counted out", async () => {
    const author = await registerAndSignIn();
    const other = await registerAndSignIn();
    const post = await publish(author.token, { text: "short-lived #gone" });

    const forbidden = await api(`/api/posts/${post.id}`, { method: "DELETE", token: other.token });
    expect(forbidden.status).toBe(403);

    const deleted = await api(`/api/posts/${post.id}`, { method: "DELETE", token: author.token });
    expect(deleted.status).toBe(204);
    expect((await api(`/api/posts/${post.id}`)).status).toBe(404);
    expect((await api(`/api/posts/${post.id}/history`)).status).toBe(404);
    expect((await api(`/api/users/${author.user.id}/stats`)).body.posts).toBe(0);

    const again = await api(`/api/posts/${post.id}`, { method: "DELETE", token: author.token });
    expect(again.status).toBe(404);
  });

  it("is 401 signed out", async () => {
    const author = await registerAndSignIn();
    const post = await publish(author.token, { text: "x" });
    expect((await api(`/api/posts/${post.id}`, { method: "DELETE" })).status).toBe(401);
  });
});
