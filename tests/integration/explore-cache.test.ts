// Explore's first page is shared between viewers for SHARED_CACHE_SECONDS (lib/cache/
// shared-cache.ts): as post ids, loaded for each viewer. Its own server with a 5-minute cache
// (the shared test server runs with none) and payments on (PayPal's local double), since what a
// non-buyer sees of a paid post is part of what the cache must never share.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, SignedInUser } from "@/tests/support/api-client";
import { paymentFlow } from "@/tests/support/payment-flow";
import { startPayPalApp, type PayPalApp } from "@/tests/support/paypal-app";

const ADMIN_EMAIL = "admin-explore-cache@example.com";
const PAID_TEXT =
  "The opening lines anyone can read, " +
  "and then the rest of the story that only buyers get to read, with every detail of how it " +
  "was made, where it was recorded and who played on it, down to the very last secret line.";

let client: ApiClient;
let stop: PayPalApp["stop"];
const api: ApiClient["api"] = (path, options) => client.api(path, options);
const signUp = (overrides = {}) => client.registerAndSignIn(overrides);

let admin: SignedInUser;
let author: SignedInUser;
let other: SignedInUser;
let buyer: SignedInUser;
let fan: SignedInUser;
let stranger: SignedInUser;
let free: { id: string };
let paid: { id: string };
let othersPost: { id: string };

async function publish(user: SignedInUser, body: object): Promise<{ id: string }> {
  const res = await api("/api/posts", { method: "POST", token: user.token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

type Post = {
  id: string;
  text: string;
  paid: { unlocked: boolean } | null;
  viewer: { liked: boolean; saved: boolean } | null;
};

/** Explore's first page as `user` (signed out: undefined): its posts and its SQL statements. */
async function explore(user?: SignedInUser) {
  const res = await api("/api/posts/explore/all", { token: user?.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const posts = res.body.items as Post[];
  return {
    queries: Number(res.headers.get("x-sql-queries")),
    ids: posts.map((p) => p.id),
    post: (id: string) => posts.find((p) => p.id === id),
  };
}

beforeAll(async () => {
  ({ client, stop } = await startPayPalApp("explore-cache", {
    SHARED_CACHE_SECONDS: "300",
    ADMIN_EMAILS: ADMIN_EMAIL,
  }));
  admin = await signUp({ email: ADMIN_EMAIL });
  const users = await Promise.all(Array.from({ length: 5 }, () => signUp()));
  [author, other, buyer, fan, stranger] = users as [
    SignedInUser,
    SignedInUser,
    SignedInUser,
    SignedInUser,
    SignedInUser,
  ];
  free = await publish(author, { text: "A free post for everyone" });
  paid = await publish(author, { text: PAID_TEXT, price: { amount: 300, currency: "USD" } });
  othersPost = await publish(other, { text: "Another author's post" });
  await paymentFlow(api).buy(buyer, paid.id);
  for (const action of ["like", "save"]) {
    const res = await api(`/api/posts/${free.id}/${action}`, { method: "POST", token: fan.token });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  }
}, 180_000);

afterAll(async () => {
  await stop?.();
});

describe("explore's shared first page", () => {
  it("is served from the cache: no ids query once someone has read it", async () => {
    await explore();
    // Signed out: the page of posts only. Signed in: the session, then the page.
    expect((await explore()).queries).toBe(1);
    expect((await explore(stranger)).queries).toBe(2);
  });

  it("shows a paid post whole only to its buyer and author", async () => {
    await explore();
    for (const user of [undefined, stranger, fan]) {
      const shown = (await explore(user)).post(paid.id)!;
      expect(shown.paid?.unlocked).toBe(false);
      expect(shown.text).not.toBe(PAID_TEXT);
      expect(PAID_TEXT.startsWith(shown.text.replace(/…$/, ""))).toBe(true);
    }
    for (const user of [buyer, author]) {
      const page = await explore(user);
      expect(page.queries).toBe(2);
      expect(page.post(paid.id)).toMatchObject({ text: PAID_TEXT, paid: { unlocked: true } });
    }
  });

  it("gives each viewer their own likes and saves", async () => {
    await explore(stranger);
    expect((await explore(fan)).post(free.id)!.viewer).toMatchObject({ liked: true, saved: true });
    expect((await explore(stranger)).post(free.id)!.viewer).toMatchObject({
      liked: false,
      saved: false,
    });
    expect((await explore()).post(free.id)!.viewer).toBeNull();
  });

  it("never shows a post to someone who blocked or muted its author, or whom it blocks", async () => {
    const blocker = await signUp();
    const muter = await signUp();
    const blocked = await signUp();
    await explore();
    expect((await explore(blocker)).ids).toContain(free.id);
    for (const [user, path] of [
      [blocker, `/api/users/${author.user.id}/block`],
      [muter, `/api/users/${author.user.id}/mute`],
      [author, `/api/users/${blocked.user.id}/block`],
    ] as const) {
      const res = await api(path, { method: "POST", token: user.token });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    }
    for (const user of [blocker, muter, blocked]) {
      const { ids } = await explore(user);
      expect(ids).not.toContain(free.id);
      expect(ids).not.toContain(paid.id);
      expect(ids).toContain(othersPost.id);
    }
  });

  it("drops a post whose author was suspended after the page was cached", async () => {
    expect((await explore()).ids).toContain(othersPost.id);
    const res = await api(`/api/moderation/users/${other.user.id}/suspend`, {
      method: "POST",
      token: admin.token,
      body: { reason: "Spam" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const page = await explore();
    expect(page.queries).toBe(1);
    expect(page.ids).not.toContain(othersPost.id);
    expect(page.ids).toContain(free.id);
  });
});
