import { randomBytes } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type ApiClient, type SignedInUser } from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { plainPng } from "@/tests/support/media-fixtures";
import { poll } from "@/tests/support/poll";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

// Sessions, password changes, data exports and account deletion. Its own server on a database
// this file can read and write directly: payouts and payments are set up with SQL (their API
// path needs PayPal), and what deletion leaves behind is checked there.
let database: AppDatabase;
let server: TestServer;
let client: ApiClient;
const api: ApiClient["api"] = (path, options) => client.api(path, options);
const signUp = () => client.registerAndSignIn();

beforeAll(async () => {
  database = await createAppDatabase();
  server = await startTestServer({ name: "account", env: database.env });
  client = createApiClient(server.baseURL);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const signIn = (email: string, password: string) => client.signIn(email, password);

async function secondToken(user: SignedInUser): Promise<string> {
  const res = await signIn(user.credentials.email, user.credentials.password);
  expect(res.status).toBe(201);
  return res.body.token as string;
}

const me = (token: string) => api("/api/auth/me", { token });

async function publish(token: string, body: Record<string, unknown>) {
  const res = await api("/api/posts", { method: "POST", token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

describe("sessions", () => {
  it("lists active sessions with the current one marked, and revokes only your own", async () => {
    const user = await signUp();
    const other = await secondToken(user);
    const res = await api("/api/users/me/sessions", { token: user.token });
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{ id: string; kind: string; current: boolean }>;
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.every((s) => s.kind === "api")).toBe(true);
    const current = items.find((s) => s.current)!;
    const notCurrent = items.find((s) => !s.current)!;

    // Someone else cannot see or end it.
    const stranger = await signUp();
    const theirs = await api(`/api/users/me/sessions/${notCurrent.id}`, {
      method: "DELETE",
      token: stranger.token,
    });
    expect(theirs.status).toBe(404);
    expect((await me(other)).status).toBe(200);

    const revoked = await api(`/api/users/me/sessions/${notCurrent.id}`, {
      method: "DELETE",
      token: user.token,
    });
    expect(revoked.status).toBe(204);
    expect((await me(other)).status).toBe(401);
    expect((await me(user.token)).status).toBe(200);
    const after = await api("/api/users/me/sessions", { token: user.token });
    expect(after.body.items.map((s: { id: string }) => s.id)).toEqual([current.id]);

    // Revoking the current session signs you out.
    const self = await api(`/api/users/me/sessions/${current.id}`, {
      method: "DELETE",
      token: user.token,
    });
    expect(self.status).toBe(204);
    expect((await me(user.token)).status).toBe(401);
  });
});

describe("PUT /api/users/me/password", () => {
  it("refuses a wrong current password and a weak new one", async () => {
    const user = await signUp();
    const wrong = await api("/api/users/me/password", {
      method: "PUT",
      token: user.token,
      body: { currentPassword: "not-my-password-1", newPassword: "A-much-better-one-42" },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toMatch(/current password is incorrect/i);

    const weak = await api("/api/users/me/password", {
      method: "PUT",
      token: user.token,
      body: { currentPassword: user.credentials.password, newPassword: "short" },
    });
    expect(weak.status).toBe(400);
    // Nothing changed: the old password still signs in.
    expect((await signIn(user.credentials.email, user.credentials.password)).status).toBe(201);
  });

  it("changes it, signs out the other sessions and keeps this one", async () => {
    const user = await signUp();
    const other = await secondToken(user);
    const newPassword = `New-${randomBytes(6).toString("hex")}`;
    const res = await api("/api/users/me/password", {
      method: "PUT",
      token: user.token,
      body: { currentPassword: user.credentials.password, newPassword },
    });
    expect(res.status).toBe(204);
    expect((await me(user.token)).status).toBe(200);
    expect((await me(other)).status).toBe(401);
    expect((await signIn(user.credentials.email, user.credentials.password)).status).toBe(401);
    expect((await signIn(user.credentials.email, newPassword)).status).toBe(201);
  });
});

describe("data export", () => {
  it("builds one archive of the user's data, for them alone, and tells them", async () => {
    const user = await signUp();
    const upload = new FormData();
    upload.append(
      "file",
      new Blob([new Uint8Array(await plainPng(64, 48))], { type: "image/png" }),
      "a.png",
    );
    upload.append("alt", "a green square");
    const uploaded = await api("/api/media/upload", {
      method: "POST",
      token: user.token,
      body: upload,
    });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const mediaId = uploaded.body.items[0].id as string;
    const text = `Export me #archive ${randomBytes(4).toString("hex")}`;
    const post = await publish(user.token, { text, mediaIds: [mediaId] });

    expect((await api("/api/users/me/export", { token: user.token })).body).toEqual({
      export: null,
    });
    // Asked twice at once: one export.
    const [a, b] = await Promise.all([
      api("/api/users/me/export", { method: "POST", token: user.token }),
      api("/api/users/me/export", { method: "POST", token: user.token }),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).toBe(b.body.id);
    expect(["pending", "ready"]).toContain(a.body.status);

    const ready = await poll(
      async () => {
        const res = await api("/api/users/me/export", { token: user.token });
        if (res.body.export?.status === "failed") throw new Error(res.body.export.error);
        return res.body.export?.status === "ready" ? res.body.export : null;
      },
      { timeoutMs: 15_000, what: "the export to be ready" },
    );
    expect(ready.id).toBe(a.body.id);
    expect(ready.downloadUrl).toBe(`/api/users/me/export/${ready.id}/download`);

    const download = await fetch(server.baseURL + ready.downloadUrl, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/zip");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment/);
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    const profile = JSON.parse(strFromU8(files["profile.json"]!));
    expect(profile).toMatchObject({
      username: user.credentials.username,
      email: user.credentials.email,
    });
    const posts = JSON.parse(strFromU8(files["posts.json"]!)) as Array<Record<string, unknown>>;
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ id: post.id, text, hashtags: ["archive"], media: [mediaId] });
    for (const name of [
      "comments.json",
      "likes.json",
      "follows.json",
      "payments.json",
      "ledger.json",
    ]) {
      expect(files[name], name).toBeDefined();
    }
    const image = files[`media/${mediaId}.webp`];
    expect(image?.byteLength).toBeGreaterThan(0);
    // WebP: "RIFF"...."WEBP"
    expect(strFromU8(image!.slice(8, 12))).toBe("WEBP");

    const stranger = await signUp();
    const stolen = await api(ready.downloadUrl, { token: stranger.token });
    expect(stolen.status).toBe(404);

    const notified = await poll(
      async () => {
        const res = await api("/api/notifications", { token: user.token });
        return (res.body.items as Array<{ kind: string; summary: string }>).find(
          (n) => n.kind === "export_ready",
        );
      },
      { what: "the export_ready notification" },
    );
    expect(notified.summary).toMatch(/export is ready/i);

    // A new request once the last one finished starts another.
    const again = await api("/api/users/me/export", { method: "POST", token: user.token });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(ready.id);
  });
});

describe("DELETE /api/users/me", () => {
  it("needs the password and refuses while a payout is in flight", async () => {
    const user = await signUp();
    const wrong = await api("/api/users/me", {
      method: "DELETE",
      token: user.token,
      body: { password: "not-the-password-1" },
    });
    expect(wrong.status).toBe(403);

    await database.query(
      `INSERT INTO "Payout" (id, "creatorId", amount, currency, "paypalEmail", status, "updatedAt")
       VALUES ($1, $2, 500, 'USD', $3, 'processing', now())`,
      [`payout${randomBytes(8).toString("hex")}`, user.user.id, user.credentials.email],
    );
    const blocked = await api("/api/users/me", {
      method: "DELETE",
      token: user.token,
      body: { password: user.credentials.password },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe("payout_pending");
    expect(blocked.body.error.message).toMatch(/payout/i);
    expect((await me(user.token)).status).toBe(200);
  });

  it("deletes the account's content, fixes others' counters and keeps anonymised payments", async () => {
    const user = await signUp();
    const friend = await signUp();
    const post = await publish(user.token, { text: "Soon gone" });
    const friendPost = await publish(friend.token, { text: "Stays here" });
    for (const [path, token] of [
      [`/api/users/${friend.user.id}/follow`, user.token],
      [`/api/users/${user.user.id}/follow`, friend.token],
      [`/api/posts/${friendPost.id}/like`, user.token],
    ] as const) {
      expect((await api(path, { method: "POST", token })).status).toBe(200);
    }
    const comment = await api(`/api/posts/${friendPost.id}/comments`, {
      method: "POST",
      token: user.token,
      body: { text: "Nice one" },
    });
    expect(comment.status).toBe(201);
    const paymentId = `pay${randomBytes(8).toString("hex")}`;
    await database.query(
      `INSERT INTO "Payment" (id, "buyerId", "creatorId", kind, amount, currency, fee, status, "updatedAt")
       VALUES ($1, $2, $3, 'tip', 1000, 'USD', 100, 'captured', now())`,
      [paymentId, user.user.id, friend.user.id],
    );
    // A pending email change (this server has no mail, so it is written directly): its address
    // must go with the account.
    await database.query(
      `INSERT INTO "EmailVerification" (id, "userId", kind, email, "tokenHash", "expiresAt")
       VALUES ($1, $2, 'change', $3, $1, now() + interval '1 day')`,
      [`ev${randomBytes(8).toString("hex")}`, user.user.id, `new-${user.credentials.email}`],
    );

    const res = await api("/api/users/me", {
      method: "DELETE",
      token: user.token,
      body: { password: user.credentials.password },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(204);

    expect((await me(user.token)).status).toBe(401);
    expect((await signIn(user.credentials.email, user.credentials.password)).status).toBe(401);
    expect((await api(`/api/posts/${post.id}`, { token: friend.token })).status).toBe(404);
    const search = await api(`/api/users/search/${user.credentials.username}`);
    expect(search.status).toBe(200);
    expect(search.body.items).toEqual([]);

    const stats = await api(`/api/users/${friend.user.id}/stats`);
    expect(stats.body).toMatchObject({ followers: 0, following: 0, likesReceived: 0 });
    const stays = await api(`/api/posts/${friendPost.id}`, { token: friend.token });
    expect(stays.body.counts).toMatchObject({ likes: 0, comments: 0 });

    const [row] = await database.query<{
      username: string;
      email: string;
      displayName: string;
      passwordHash: string | null;
      deletedAt: Date | null;
    }>(
      `SELECT username, email, "displayName", "passwordHash", "deletedAt" FROM "User" WHERE id = $1`,
      [user.user.id],
    );
    expect(row).toMatchObject({
      email: `deleted+${user.user.id}@invalid`,
      displayName: "Deleted account",
      passwordHash: null,
    });
    expect(row!.username).toMatch(/^deleted_/);
    expect(row!.deletedAt).not.toBeNull();
    const payments = await database.query(`SELECT "buyerId", amount FROM "Payment" WHERE id = $1`, [
      paymentId,
    ]);
    expect(payments).toEqual([{ buyerId: user.user.id, amount: 1000 }]);
    const leftovers = await database.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "Session" WHERE "userId" = $1)
            + (SELECT count(*) FROM "Comment" WHERE "authorId" = $1)
            + (SELECT count(*) FROM "Follow" WHERE "followerId" = $1 OR "followingId" = $1)
            + (SELECT count(*) FROM "Like" WHERE "userId" = $1)
            + (SELECT count(*) FROM "Notification" WHERE "recipientId" = $1 OR "actorId" = $1)
            + (SELECT count(*) FROM "EmailVerification" WHERE "userId" = $1) AS n`,
      [user.user.id],
    );
    expect(Number(leftovers[0]!.n)).toBe(0);
  });
});

describe("accounts without a password (OAuth only)", () => {
  it("can't change a password, and confirm deletion with their username", async () => {
    const user = await signUp();
    await database.query(`UPDATE "User" SET "passwordHash" = NULL WHERE id = $1`, [user.user.id]);
    const change = await api("/api/users/me/password", {
      method: "PUT",
      token: user.token,
      body: { currentPassword: "anything-1", newPassword: "A-much-better-one-42" },
    });
    expect(change.status).toBe(422);
    expect(change.body.error.message).toMatch(/no password/i);

    const withPassword = await api("/api/users/me", {
      method: "DELETE",
      token: user.token,
      body: { password: user.credentials.password },
    });
    expect(withPassword.status).toBe(422);
    const wrongName = await api("/api/users/me", {
      method: "DELETE",
      token: user.token,
      body: { confirm: "someone_else" },
    });
    expect(wrongName.status).toBe(403);
    const done = await api("/api/users/me", {
      method: "DELETE",
      token: user.token,
      body: { confirm: user.credentials.username },
    });
    expect(done.status).toBe(204);
    expect((await me(user.token)).status).toBe(401);
  });
});

describe("GET /api/users/me", () => {
  it("answers the viewer's own public profile", async () => {
    const user = await signUp();
    const res = await api("/api/users/me", { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.user.id, username: user.credentials.username });
    expect(res.body.email).toBeUndefined();
    expect((await api("/api/users/me")).status).toBe(401);
  });
});
