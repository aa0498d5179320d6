import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, registerAndSignIn, type SignedInUser } from "@/tests/support/api-client";

// Idempotency-Key on POST /api/posts (as Mastodon's API accepts it): a client that retries a
// post after a timeout gets the first answer back instead of a duplicate. The payments routes
// use the same mechanism; payments-once.test.ts covers them.
const publish = (user: SignedInUser, body: unknown, key?: string) =>
  api("/api/posts", {
    method: "POST",
    token: user.token,
    body,
    headers: key === undefined ? {} : { "idempotency-key": key },
  });

async function postIds(user: SignedInUser): Promise<string[]> {
  const res = await api(`/api/users/${user.user.id}/posts?limit=50`, { token: user.token });
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((p) => p.id);
}

describe("Idempotency-Key on POST /api/posts", () => {
  it("a retry with the same key answers the first post and creates nothing", async () => {
    const author = await registerAndSignIn();
    const key = randomUUID();
    const body = { text: `Retried after a timeout ${key}` };
    const first = await publish(author, body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    for (let i = 0; i < 2; i++) {
      const retry = await publish(author, body, key);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.headers.get("x-request-id")).toBeTruthy();
    }
    expect(await postIds(author)).toEqual([first.body.id]);
  });

  it("the same key with a different body is 422, and creates nothing", async () => {
    const author = await registerAndSignIn();
    const key = randomUUID();
    const first = await publish(author, { text: "the first text" }, key);
    expect(first.status).toBe(201);
    const other = await publish(author, { text: "another text" }, key);
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: "unprocessable" });
    expect(other.body.error.message).toMatch(/Idempotency-Key/);
    expect(await postIds(author)).toEqual([first.body.id]);
  });

  it("keys are per user: two users may send the same key", async () => {
    const [alice, bob] = [await registerAndSignIn(), await registerAndSignIn()];
    const key = randomUUID();
    const body = { text: "same words, same key, two people" };
    const a = await publish(alice, body, key);
    const b = await publish(bob, body, key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.author.id).toBe(bob.user.id);
  });

  it("concurrent duplicates create one post; the ones in flight are told 409", async () => {
    const author = await registerAndSignIn();
    const key = randomUUID();
    const body = { text: `five retries at once ${key}` };
    const results = await Promise.all(Array.from({ length: 5 }, () => publish(author, body, key)));
    const ok = results.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(/in progress/);
    }
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
    expect(await postIds(author)).toEqual([ok[0]!.body.id]);
  });

  it("a failed request gives its key back; a bad key is 400; no key, no dedup", async () => {
    const author = await registerAndSignIn();
    const key = randomUUID();
    // Quoting a post that doesn't exist fails inside the handler, after the key was claimed.
    const missing = { text: "quoting nothing", quotedPostId: "cm0000000000000000000000" };
    const bad = await publish(author, missing, key);
    expect(bad.status, JSON.stringify(bad.body)).toBe(404);
    expect((await publish(author, missing, key)).status).toBe(404); // run again, not replayed
    const good = await publish(author, { text: "quoting nothing" }, key);
    expect(good.status, JSON.stringify(good.body)).toBe(201);

    expect((await publish(author, { text: "x" }, "")).status).toBe(400);
    expect((await publish(author, { text: "x" }, "k".repeat(256))).status).toBe(400);
    const one = await publish(author, { text: "no key" });
    const two = await publish(author, { text: "no key" });
    expect(one.body.id).not.toBe(two.body.id);
  });
});
