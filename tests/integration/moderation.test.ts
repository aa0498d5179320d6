import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createApiClient,
  uniqueUser,
  type ApiClient,
  type SignedInUser,
} from "@/tests/support/api-client";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

// Its own server: payments must be on (PayPal's local double) to see that a suspended creator
// can't be tipped. The admin is the ADMIN_EMAILS account start-test-server configures: the first
// account of a shared database is whoever registered first, not reliably this file.
const ADMIN_EMAIL = "admin-moderation@example.com";
let server: TestServer;
let client: ApiClient;
const api: ApiClient["api"] = (path, options) => client.api(path, options);
const signUp = (overrides = {}) => client.registerAndSignIn(overrides);

let admin: SignedInUser;
let moderator: SignedInUser;

beforeAll(async () => {
  server = await startTestServer({ name: "moderation", env: { PAYPAL_MODE: "local" } });
  client = createApiClient(server.baseURL);
  admin = await signUp({ email: ADMIN_EMAIL });
  moderator = await signUp();
  const granted = await api(`/api/moderation/users/${moderator.user.id}/role`, {
    method: "PUT",
    token: admin.token,
    body: { role: "moderator" },
  });
  expect(granted.status, JSON.stringify(granted.body)).toBe(200);
  expect(granted.body).toEqual({ id: moderator.user.id, role: "moderator" });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

async function publish(token: string, text = "Something to report") {
  const res = await api("/api/posts", { method: "POST", token, body: { text } });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

const report = (token: string | undefined, body: unknown) =>
  api("/api/reports", { method: "POST", token, body });

const signIn = (user: SignedInUser) =>
  client.signIn(user.credentials.email, user.credentials.password);

describe("roles", () => {
  it("makes the ADMIN_EMAILS account an admin and tells the UI each role", async () => {
    expect((await api("/api/auth/me", { token: admin.token })).body.role).toBe("admin");
    expect((await api("/api/auth/me", { token: moderator.token })).body.role).toBe("moderator");
    const someone = await signUp({ email: uniqueUser().email.toUpperCase() });
    expect(someone.user.role).toBe("user");
  });

  it("lets only admins change roles, never an admin's or their own", async () => {
    const user = await signUp();
    const put = (token: string, id: string, role: string) =>
      api(`/api/moderation/users/${id}/role`, { method: "PUT", token, body: { role } });
    expect((await put(moderator.token, user.user.id, "moderator")).status).toBe(403);
    expect((await put(admin.token, admin.user.id, "user")).status).toBe(403);
    expect((await put(admin.token, user.user.id, "admin")).status).toBe(400);
    expect((await put(admin.token, "nobody-like-this", "moderator")).status).toBe(404);
  });
});

describe("POST /api/reports", () => {
  it("files a report once, and refuses bad ones with clear errors", async () => {
    const author = await signUp();
    const reporter = await signUp();
    const post = await publish(author.token);
    const body = { targetType: "post", targetId: post.id, reason: "spam", details: "Ads" };

    const first = await report(reporter.token, body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ targetType: "post", targetId: post.id, status: "open" });

    const twice = await report(reporter.token, { ...body, reason: "hate" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("already_reported");

    expect((await report(author.token, body)).status).toBe(422);
    expect(
      (
        await report(reporter.token, {
          targetType: "user",
          targetId: reporter.user.id,
          reason: "other",
        })
      ).status,
    ).toBe(422);
    expect((await report(reporter.token, { ...body, targetId: "no-such-post" })).status).toBe(404);
    expect((await report(reporter.token, { ...body, reason: "boring" })).status).toBe(400);
    expect((await report(reporter.token, { ...body, details: "x".repeat(1001) })).status).toBe(400);
    expect((await report(undefined, body)).status).toBe(401);
  });
});

describe("moderation routes", () => {
  it("answer 403 to anyone who is not a moderator", async () => {
    const user = await signUp();
    const reason = { reason: "because" };
    const calls: Array<[string, string, unknown?]> = [
      ["GET", "/api/moderation/reports"],
      ["GET", "/api/moderation/log"],
      ["POST", "/api/moderation/posts/x/remove", reason],
      ["POST", "/api/moderation/comments/x/remove", reason],
      ["POST", `/api/moderation/users/${admin.user.id}/suspend`, reason],
      ["POST", `/api/moderation/users/${admin.user.id}/unsuspend`, reason],
      ["POST", "/api/moderation/reports/x/dismiss", reason],
      ["PUT", `/api/moderation/users/${user.user.id}/role`, { role: "moderator" }],
    ];
    for (const [method, path, body] of calls) {
      const res = await api(path, { method, token: user.token, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
  });

  it("hide the /moderation page from anyone signed out", async () => {
    expect((await api("/moderation")).status).toBe(404);
  });

  it("require a reason of 1 to 500 characters", async () => {
    const post = await publish((await signUp()).token);
    for (const body of [{}, { reason: "" }, { reason: "x".repeat(501) }]) {
      const res = await api(`/api/moderation/posts/${post.id}/remove`, {
        method: "POST",
        token: moderator.token,
        body,
      });
      expect(res.status).toBe(400);
    }
    expect((await api(`/api/posts/${post.id}`)).status).toBe(200);
  });
});

describe("reports to removal", () => {
  it("queues a report, removes the post, actions the report and logs who, what and why", async () => {
    const author = await signUp();
    const reporter = await signUp();
    const other = await signUp();
    const post = await publish(author.token, "Buy cheap watches at example.test");
    const filed = await report(reporter.token, {
      targetType: "post",
      targetId: post.id,
      reason: "spam",
    });
    await report(other.token, { targetType: "post", targetId: post.id, reason: "other" });

    const queue = await api("/api/moderation/reports?limit=100", { token: moderator.token });
    expect(queue.status).toBe(200);
    const queued = queue.body.items.find((r: { id: string }) => r.id === filed.body.id);
    expect(queued).toMatchObject({
      reason: "spam",
      preview: "Buy cheap watches at example.test",
      openReportsOnTarget: 2,
      reporter: { username: reporter.user.username },
      targetUser: { id: author.user.id },
    });

    const removed = await api(`/api/moderation/posts/${post.id}/remove`, {
      method: "POST",
      token: moderator.token,
      body: { reason: "Spam links", reportId: filed.body.id },
    });
    expect(removed.status).toBe(204);
    expect((await api(`/api/posts/${post.id}`)).status).toBe(404);
    const again = await api(`/api/moderation/posts/${post.id}/remove`, {
      method: "POST",
      token: moderator.token,
      body: { reason: "Spam links" },
    });
    expect(again.status).toBe(404);

    const open = await api("/api/moderation/reports?limit=100", { token: moderator.token });
    expect(open.body.items.some((r: { targetId: string }) => r.targetId === post.id)).toBe(false);
    const actioned = await api("/api/moderation/reports?status=actioned&limit=100", {
      token: moderator.token,
    });
    const closed = actioned.body.items.filter((r: { targetId: string }) => r.targetId === post.id);
    expect(closed).toHaveLength(2);
    expect(closed[0]).toMatchObject({ status: "actioned", preview: null });

    const log = await api("/api/moderation/log", { token: admin.token });
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({
      kind: "remove_post",
      targetType: "post",
      targetId: post.id,
      reason: "Spam links",
      reportId: filed.body.id,
      moderator: { id: moderator.user.id, username: moderator.user.username },
    });
  });

  it("removes a comment and dismisses a report, each logged", async () => {
    const author = await signUp();
    const reporter = await signUp();
    const post = await publish(author.token);
    const comment = await api(`/api/posts/${post.id}/comments`, {
      method: "POST",
      token: author.token,
      body: { text: "A rude comment" },
    });
    expect(comment.status).toBe(201);
    await report(reporter.token, {
      targetType: "comment",
      targetId: comment.body.id,
      reason: "harassment",
    });
    const onPost = await report(reporter.token, {
      targetType: "post",
      targetId: post.id,
      reason: "other",
    });

    const removed = await api(`/api/moderation/comments/${comment.body.id}/remove`, {
      method: "POST",
      token: moderator.token,
      body: { reason: "Harassment" },
    });
    expect(removed.status).toBe(204);
    expect((await api(`/api/posts/${post.id}`)).body.counts.comments).toBe(0);

    const dismissed = await api(`/api/moderation/reports/${onPost.body.id}/dismiss`, {
      method: "POST",
      token: moderator.token,
      body: { reason: "Nothing wrong here" },
    });
    expect(dismissed.status).toBe(204);
    const twice = await api(`/api/moderation/reports/${onPost.body.id}/dismiss`, {
      method: "POST",
      token: moderator.token,
      body: { reason: "Again" },
    });
    expect(twice.status).toBe(409);
    expect((await api(`/api/posts/${post.id}`)).status).toBe(200);

    const log = await api("/api/moderation/log?limit=5", { token: moderator.token });
    expect(log.body.items.slice(0, 2)).toMatchObject([
      { kind: "dismiss_report", reason: "Nothing wrong here", reportId: onPost.body.id },
      { kind: "remove_comment", targetId: comment.body.id, reason: "Harassment" },
    ]);
  });
});

describe("suspension", () => {
  it("ends the sessions, refuses sign-in and payments, and unsuspending restores sign-in", async () => {
    const user = await signUp();
    const supporter = await signUp();
    const reporter = await signUp();
    await report(reporter.token, {
      targetType: "user",
      targetId: user.user.id,
      reason: "impersonation",
    });

    const suspend = (token: string, id: string, reason = "Impersonating a creator") =>
      api(`/api/moderation/users/${id}/suspend`, { method: "POST", token, body: { reason } });
    expect((await suspend(moderator.token, moderator.user.id)).status).toBe(403);
    expect((await suspend(moderator.token, admin.user.id)).status).toBe(403);
    expect((await suspend(moderator.token, "no-such-user")).status).toBe(404);

    const done = await suspend(moderator.token, user.user.id);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.suspendedAt).toEqual(expect.any(String));
    expect((await suspend(moderator.token, user.user.id)).status).toBe(409);

    const me = await api("/api/auth/me", { token: user.token });
    expect(me.status).toBe(401);
    const refused = await signIn(user);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("account_suspended");

    const tip = await api("/api/payments/create", {
      method: "POST",
      token: supporter.token,
      body: { kind: "tip", creatorId: user.user.id, amount: 500, currency: "USD" },
    });
    expect(tip.status).toBe(403);
    expect(tip.body.error.code).toBe("account_suspended");

    const open = await api("/api/moderation/reports?limit=100", { token: moderator.token });
    expect(open.body.items.some((r: { targetId: string }) => r.targetId === user.user.id)).toBe(
      false,
    );

    const lifted = await api(`/api/moderation/users/${user.user.id}/unsuspend`, {
      method: "POST",
      token: moderator.token,
      body: { reason: "Appeal accepted" },
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body.suspendedAt).toBeNull();
    // The old token stays revoked; signing in again works.
    expect((await api("/api/auth/me", { token: user.token })).status).toBe(401);
    const back = await signIn(user);
    expect(back.status).toBe(201);
    expect((await api("/api/auth/me", { token: back.body.token })).status).toBe(200);

    const log = await api("/api/moderation/log?limit=2", { token: moderator.token });
    expect(log.body.items).toMatchObject([
      { kind: "unsuspend_user", targetId: user.user.id, reason: "Appeal accepted" },
      { kind: "suspend_user", targetId: user.user.id, reason: "Impersonating a creator" },
    ]);
  });
});
