// Discovery and profiles over real HTTP: trending tags, who to follow, pinned posts, the
// profile's Replies and Media tabs, robots.txt and the sitemap, and link-preview metadata in the
// pages' HTML. Its own database, read and written directly to age tag uses and suspend accounts
// (what no API call can do), and the local PayPal double so paid posts can be written.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type ApiClient, type SignedInUser } from "@/tests/support/api-client";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { plainPng } from "@/tests/support/media-fixtures";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";

let database: AppDatabase;
let server: TestServer;
let client: ApiClient;
const api: ApiClient["api"] = (path, options) => client.api(path, options);
const signUp = () => client.registerAndSignIn();

beforeAll(async () => {
  database = await createAppDatabase();
  server = await startTestServer({
    name: "discovery",
    env: { ...database.env, PAYPAL_MODE: "local" },
  });
  client = createApiClient(server.baseURL);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const word = () => `t${randomBytes(5).toString("hex")}`;

async function publish(user: SignedInUser, body: Record<string, unknown>): Promise<string> {
  const res = await api("/api/posts", { method: "POST", token: user.token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const follow = async (a: SignedInUser, b: SignedInUser) =>
  expect(
    (await api(`/api/users/${b.user.id}/follow`, { method: "POST", token: a.token })).status,
  ).toBe(200);

/** Moves a tag's uses back in time, as if the posts had been written `hours` ago. */
async function ageTag(tag: string, hours: number) {
  await database.query(
    `UPDATE "PostTag" SET "createdAt" = now() - make_interval(hours => $2) WHERE tag = $1`,
    [tag, hours],
  );
}

const suspend = (user: SignedInUser) =>
  database.query(`UPDATE "User" SET "suspendedAt" = now() WHERE id = $1`, [user.user.id]);

async function html(path: string): Promise<string> {
  const res = await fetch(server.baseURL + path);
  return res.text();
}

/** The content of `<meta property|name="key">` in a page, or null. */
function meta(page: string, key: string): string | null {
  const tag = page.match(new RegExp(`<meta[^>]+(?:property|name)="${key}"[^>]*>`))?.[0];
  return tag?.match(/content="([^"]*)"/)?.[1] ?? null;
}

describe("GET /api/tags/trending", () => {
  it("ranks by decayed uses in the last 24 hours, ignoring older ones", async () => {
    const author = await signUp();
    const [fresh, morning, stale] = [word(), word(), word()];
    for (let i = 0; i < 2; i++) await publish(author, { text: `now #${fresh} ${i}` });
    for (let i = 0; i < 5; i++) await publish(author, { text: `earlier #${morning} ${i}` });
    for (let i = 0; i < 6; i++) await publish(author, { text: `yesterday #${stale} ${i}` });
    // 5 uses 18 h ago weigh 5 × 2^-3 = 0.625 < 2 new uses; 25 h ago is outside the window.
    await ageTag(morning, 18);
    await ageTag(stale, 25);

    const res = await api("/api/tags/trending?limit=30");
    expect(res.status).toBe(200);
    const tags = res.body.items.map((t: { tag: string }) => t.tag);
    expect(tags).not.toContain(stale);
    expect(tags.indexOf(fresh)).toBeGreaterThanOrEqual(0);
    expect(tags.indexOf(fresh)).toBeLessThan(tags.indexOf(morning));
    const morningItem = res.body.items.find((t: { tag: string }) => t.tag === morning);
    expect(morningItem.uses).toBe(5);
    expect(morningItem.score).toBeCloseTo(0.625, 2);
  });

  it("leaves out uses by suspended accounts and accounts the viewer blocked", async () => {
    const [viewer, blocked, suspended] = await Promise.all([signUp(), signUp(), signUp()]);
    const [byBlocked, bySuspended] = [word(), word()];
    await publish(blocked, { text: `#${byBlocked}` });
    await publish(suspended, { text: `#${bySuspended}` });
    await suspend(suspended);
    await api(`/api/users/${blocked.user.id}/block`, { method: "POST", token: viewer.token });

    const seen = await api("/api/tags/trending?limit=30", { token: viewer.token });
    const tags = seen.body.items.map((t: { tag: string }) => t.tag);
    expect(tags).not.toContain(byBlocked);
    expect(tags).not.toContain(bySuspended);
    const anyone = await api("/api/tags/trending?limit=30");
    expect(anyone.body.items.map((t: { tag: string }) => t.tag)).toContain(byBlocked);
  });

  it("refuses a limit out of range", async () => {
    expect((await api("/api/tags/trending?limit=0")).status).toBe(400);
    expect((await api("/api/tags/trending?limit=31")).status).toBe(400);
  });
});

describe("GET /api/users/suggestions", () => {
  it("ranks follows of follows by how many follow them, then popular accounts, excluding the rest", async () => {
    const viewer = await signUp();
    const [a, b, x, y, blocked, blocker, muted, suspended, popular] = await Promise.all([
      signUp(),
      signUp(),
      signUp(),
      signUp(),
      signUp(),
      signUp(),
      signUp(),
      signUp(),
      signUp(),
    ]);
    await follow(viewer, a);
    await follow(viewer, b);
    // x: followed by both of the viewer's follows; y: by one.
    for (const [who, whom] of [
      [a, x],
      [b, x],
      [a, y],
      [a, b],
      [a, viewer],
      [a, blocked],
      [b, blocked],
      [a, blocker],
      [a, muted],
      [b, muted],
      [a, suspended],
      [b, suspended],
    ] as const) {
      await follow(who, whom);
    }
    // popular: the most followed account the viewer's circle doesn't reach.
    const fans = await Promise.all([signUp(), signUp(), signUp()]);
    for (const fan of fans) await follow(fan, popular);
    await api(`/api/users/${blocked.user.id}/block`, { method: "POST", token: viewer.token });
    await api(`/api/users/${viewer.user.id}/block`, { method: "POST", token: blocker.token });
    await api(`/api/users/${muted.user.id}/mute`, { method: "POST", token: viewer.token });
    await suspend(suspended);

    const res = await api("/api/users/suggestions?limit=30", { token: viewer.token });
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; followedBy: number; viewer: unknown }[];
    const ids = items.map((u) => u.id);
    expect(ids.slice(0, 3)).toEqual([x.user.id, y.user.id, popular.user.id]);
    expect(items[0]!.followedBy).toBe(2);
    expect(items[1]!.followedBy).toBe(1);
    expect(items[2]!.followedBy).toBe(0);
    for (const never of [viewer, a, b, blocked, blocker, muted, suspended]) {
      expect(ids).not.toContain(never.user.id);
    }
    expect(items[0]!.viewer).toEqual({ isSelf: false, following: false, followsYou: false });

    // Signed out: popular accounts, never a suspended one.
    const anyone = await api("/api/users/suggestions?limit=30");
    expect(anyone.status).toBe(200);
    const anyoneIds = anyone.body.items.map((u: { id: string }) => u.id);
    expect(anyoneIds).toContain(popular.user.id);
    expect(anyoneIds).not.toContain(suspended.user.id);
  });
});

describe("pinned posts: PUT /api/users/profile {pinnedPostId}", () => {
  it("pins your own post, refuses someone else's, unpins, and forgets a deleted post", async () => {
    const [owner, other] = await Promise.all([signUp(), signUp()]);
    const mine = await publish(owner, { text: "pin me" });
    const theirs = await publish(other, { text: "not yours" });
    const put = (pinnedPostId: string | null) =>
      api("/api/users/profile", { method: "PUT", token: owner.token, body: { pinnedPostId } });

    const pinned = await put(mine);
    expect(pinned.status).toBe(200);
    expect(pinned.body.pinnedPostId).toBe(mine);
    expect((await api(`/api/users/${owner.user.username}`)).body.pinnedPostId).toBe(mine);

    const refused = await put(theirs);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual({ field: "pinnedPostId" });
    expect((await put("nosuchpost")).status).toBe(422);
    expect((await api(`/api/users/${owner.user.id}`)).body.pinnedPostId).toBe(mine);

    expect((await put(null)).body.pinnedPostId).toBeNull();
    await put(mine);
    const del = await api(`/api/posts/${mine}`, { method: "DELETE", token: owner.token });
    expect(del.status).toBe(204);
    expect((await api(`/api/users/${owner.user.id}`)).body.pinnedPostId).toBeNull();
  });
});

describe("profile tabs", () => {
  it("lists a user's comments with their posts, newest first, a page at a time", async () => {
    const [author, commenter, hidden] = await Promise.all([signUp(), signUp(), signUp()]);
    const first = await publish(author, { text: "first post" });
    const second = await publish(author, { text: "second post" });
    const onHidden = await publish(hidden, { text: "by someone who blocks you" });
    for (const [postId, text] of [
      [first, "comment one"],
      [second, "comment two"],
      [onHidden, "comment three"],
    ] as const) {
      const res = await api(`/api/posts/${postId}/comments`, {
        method: "POST",
        token: commenter.token,
        body: { text },
      });
      expect(res.status).toBe(201);
    }
    await api(`/api/users/${author.user.id}/block`, { method: "POST", token: hidden.token });

    // The viewer (author) is blocked by `hidden`, so the comment on hidden's post is left out.
    const page1 = await api(`/api/users/${commenter.user.username}/comments?limit=1`, {
      token: author.token,
    });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0].text).toBe("comment two");
    expect(page1.body.items[0].post.id).toBe(second);
    expect(page1.body.items[0].post.text).toBe("second post");
    expect(page1.body.items[0].viewer).toEqual({ canDelete: true });
    const page2 = await api(
      `/api/users/${commenter.user.username}/comments?limit=5&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
      { token: author.token },
    );
    expect(page2.body.items.map((c: { text: string }) => c.text)).toEqual(["comment one"]);
    expect(page2.body.nextCursor).toBeNull();

    // Signed out, all three show.
    const anyone = await api(`/api/users/${commenter.user.id}/comments`);
    expect(anyone.body.items.map((c: { text: string }) => c.text)).toEqual([
      "comment three",
      "comment two",
      "comment one",
    ]);
    expect((await api(`/api/users/nosuchuser${word()}/comments`)).status).toBe(404);
  });

  it("shows a paid post in a comment as a preview to those who haven't bought it", async () => {
    const [creator, commenter] = await Promise.all([signUp(), signUp()]);
    const secret = `the secret ending ${word()} is that the butler did it all along`;
    const paid = await publish(creator, {
      text: `A story for supporters. ${secret}`,
      price: { amount: 300, currency: "USD" },
    });
    // The creator comments on their own paid post; the commenter reads the Replies tab.
    await api(`/api/posts/${paid}/comments`, {
      method: "POST",
      token: creator.token,
      body: { text: "thanks for reading" },
    });
    const res = await api(`/api/users/${creator.user.id}/comments`, { token: commenter.token });
    expect(res.body.items[0].post.paid.unlocked).toBe(false);
    expect(JSON.stringify(res.body)).not.toContain("butler");
  });

  it("filters a user's posts to those with media", async () => {
    const author = await signUp();
    const body = new FormData();
    body.append(
      "file",
      new Blob([new Uint8Array(await plainPng(64, 64))], { type: "image/png" }),
      "a.png",
    );
    body.append("alt", "a green square");
    const upload = await api("/api/media/upload", { method: "POST", token: author.token, body });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    const withMedia = await publish(author, {
      text: "a picture",
      mediaIds: [upload.body.items[0].id],
    });
    await publish(author, { text: "just words" });

    const all = await api(`/api/users/${author.user.id}/posts`);
    expect(all.body.items).toHaveLength(2);
    const media = await api(`/api/users/${author.user.id}/posts?filter=media`);
    expect(media.status).toBe(200);
    expect(media.body.items.map((p: { id: string }) => p.id)).toEqual([withMedia]);
    expect((await api(`/api/users/${author.user.id}/posts?filter=videos`)).status).toBe(400);
  });
});

describe("robots.txt and the sitemap", () => {
  it("point robots at public profiles only", async () => {
    const [shown, suspended] = await Promise.all([signUp(), signUp()]);
    await suspend(suspended);

    const robots = await fetch(`${server.baseURL}/robots.txt`);
    expect(robots.status).toBe(200);
    const text = await robots.text();
    expect(text).toMatch(/Disallow: \/api\//);
    expect(text).toMatch(/Sitemap: http:\/\/.+\/sitemap\.xml/);

    const sitemap = await fetch(`${server.baseURL}/sitemap.xml`);
    expect(sitemap.status).toBe(200);
    const xml = await sitemap.text();
    expect(xml).toContain(`/u/${shown.user.username}</loc>`);
    expect(xml).not.toContain(`/u/${suspended.user.username}<`);
  });
});

describe("link previews: Open Graph and Twitter Card metadata", () => {
  it("describe a post and a profile with absolute URLs", async () => {
    const author = await signUp();
    const text = `Sunrise over the harbour ${word()}`;
    const id = await publish(author, { text });

    const post = await html(`/p/${id}`);
    expect(meta(post, "og:title")).toContain("Sunrise over the harbour");
    expect(meta(post, "og:description")).toBe(text);
    expect(meta(post, "og:url")).toMatch(new RegExp(`^http://[^/]+/p/${id}$`));
    expect(meta(post, "og:type")).toBe("article");
    expect(meta(post, "og:site_name")).toBe("Grover");
    expect(meta(post, "twitter:card")).toBe("summary");

    const profile = await html(`/u/${author.user.username}`);
    expect(meta(profile, "og:title")).toBe(`${author.user.displayName} (@${author.user.username})`);
    expect(meta(profile, "og:type")).toBe("profile");
    expect(meta(profile, "og:url")).toMatch(new RegExp(`/u/${author.user.username}$`));
  });

  it("never put a paid post's text in them, and say nothing of a suspended account", async () => {
    const author = await signUp();
    const id = await publish(author, {
      text: `Paid words ${word()} that only buyers read, however long the preview gets.`,
      price: { amount: 300, currency: "USD" },
    });
    const post = await html(`/p/${id}`);
    expect(meta(post, "og:description")).toBe(
      `A paid post by ${author.user.displayName} (@${author.user.username}) on Grover.`,
    );
    expect(meta(post, "og:title")).not.toContain("Paid words");
    expect(meta(post, "twitter:description")).not.toContain("Paid words");

    const gone = await signUp();
    const goneId = await publish(gone, { text: "soon hidden" });
    await suspend(gone);
    const hiddenPost = await html(`/p/${goneId}`);
    // Only the site's own defaults: nothing about the post or its author.
    expect(meta(hiddenPost, "og:title")).toBe("Grover");
    expect(meta(hiddenPost, "og:description")).toBe(
      "Grover: a social app for creators and their audience.",
    );
    expect(meta(hiddenPost, "og:image")).toBeNull();
    expect(hiddenPost).not.toContain("soon hidden");
    const hiddenProfile = await html(`/u/${gone.user.username}`);
    expect(meta(hiddenProfile, "og:title")).toBe("Grover");
    expect(meta(hiddenProfile, "og:image")).toBeNull();
    expect(hiddenProfile).not.toContain(`@${gone.user.username}`);
  });
});
