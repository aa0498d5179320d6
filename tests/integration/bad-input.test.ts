import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { api, registerAndSignIn } from "@/tests/support/api-client";

// PostgreSQL refuses U+0000 in text (SQLSTATE 22021): every input that reached a query with one
// used to answer 500. It is bad input, so 400 validation_failed, whatever the input.
const NUL = "\u0000";

function expectRefused(res: { status: number; body: unknown }, what: string) {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body, what).toMatchObject({ error: { code: "validation_failed" } });
}

describe("a NUL character in the input", () => {
  it("is refused with 400 in post text, a bio, report details and both searches", async () => {
    const { token } = await registerAndSignIn();
    const post = await api("/api/posts", { method: "POST", token, body: { text: "fine" } });
    expect(post.status).toBe(201);

    expectRefused(
      await api("/api/posts", { method: "POST", token, body: { text: `a${NUL}b` } }),
      "post text",
    );
    expectRefused(
      await api(`/api/posts/${post.body.id}`, {
        method: "PUT",
        token,
        body: { text: `edited${NUL}` },
      }),
      "edited post text",
    );
    expectRefused(
      await api("/api/users/profile", { method: "PUT", token, body: { bio: `bio${NUL}` } }),
      "bio",
    );
    const other = await registerAndSignIn();
    expectRefused(
      await api("/api/reports", {
        method: "POST",
        token: other.token,
        body: { targetType: "post", targetId: post.body.id, reason: "spam", details: `x${NUL}` },
      }),
      "report details",
    );
    expectRefused(await api(`/api/posts/search/a%00b`, { token }), "post search");
    expectRefused(await api(`/api/users/search/a%00b`, { token }), "user search");
    // Signed out too: nothing about the viewer changes how the input is checked.
    expectRefused(await api(`/api/posts/search/a%00b`), "post search, signed out");
  });

  it("is refused with 400 in an id in the path, and in a query string", async () => {
    const { token } = await registerAndSignIn();
    expectRefused(await api("/api/posts/%00"), "post id");
    expectRefused(await api("/api/posts/%00", { token }), "post id, signed in");
    expectRefused(await api("/api/posts/x%00y/comments"), "post id of comments");
    expectRefused(await api("/api/users/%00"), "user id");
    expectRefused(await api("/api/posts/x%00/like", { method: "POST", token }), "like");
    expectRefused(await api("/api/posts/explore/all?cursor=a%00"), "cursor");
    const res = await api("/api/posts/%00");
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: "id" })]);
  });

  it("in a page's id is a 404 page, not a 500", async () => {
    for (const path of ["/p/%00", "/u/%00", "/u/a%00b/followers"]) {
      const res = await fetch(`${inject("baseURL")}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(404);
    }
  });
});
