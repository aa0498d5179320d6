// The post lists: the personalised feed, explore and a profile's posts, over HTTP against the
// running app. Other test files write posts at the same time, so assertions about the global
// explore list only look at the relative order of this file's own posts.
import { describe, expect, it } from "vitest";
import { api, registerAndSignIn, type SignedInUser } from "@/tests/support/api-client";

type Post = { id: string; author: { id: string }; viewer: unknown };

async function publish(user: SignedInUser, text: string): Promise<string> {
  const res = await api("/api/posts", { method: "POST", token: user.token, body: { text } });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function follow(fan: SignedInUser, star: SignedInUser): Promise<void> {
  const res = await api(`/api/users/${star.user.id}/follow`, { method: "POST", token: fan.token });
  expect(res.status).toBe(200);
}

const ids = (items: Post[]) => items.map((p) => p.id);

/** Every page of a list, following nextCursor to the end. */
async function allPages(path: string, limit: number, token?: string): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const res = await api(`${path}${sep}limit=${limit}${query}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    pages.push(ids(res.body.items));
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

/** Changes a signed cursor's position but keeps its signature: the server must notice. */
function tamper(cursor: string): string {
  const [payload, signature] = cursor.split(".");
  const decoded = JSON.parse(Buffer.from(payload!, "base64url").toString());
  const forged = { ...decoded, p: { ...decoded.p, id: "zzzzzzzz" } };
  return `${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`;
}

describe("GET /api/posts/feed/me", () => {
  it("shows your posts and those of people you follow, newest first, and no one else's", async () => {
    const me = await registerAndSignIn();
    const friend = await registerAndSignIn();
    const stranger = await registerAndSignIn();
    await follow(me, friend);

    const friendOld = await publish(friend, "friend, first");
    await publish(stranger, "stranger, never in my feed");
    const mine = await publish(me, "my own post");
    const friendNew = await publish(friend, "friend, second");

    const res = await api("/api/posts/feed/me", { token: me.token });
    expect(res.status).toBe(200);
    expect(ids(res.body.items)).toEqual([friendNew, mine, friendOld]);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[1]).toMatchObject({
      author: { id: me.user.id },
      viewer: { isAuthor: true, liked: false },
    });
    expect(res.body.items[0].author.viewer).toMatchObject({ following: true });
  });

  it("shows someone you start following at once, their newest post on top", async () => {
    const me = await registerAndSignIn();
    const newcomer = await registerAndSignIn();
    const mine = await publish(me, "before following anyone");
    const theirs = await publish(newcomer, "posted before you followed me");

    const before = await api("/api/posts/feed/me", { token: me.token });
    expect(ids(before.body.items)).toEqual([mine]);

    await follow(me, newcomer);
    const after = await api("/api/posts/feed/me", { token: me.token });
    expect(ids(after.body.items)).toEqual([theirs, mine]);

    await api(`/api/users/${newcomer.user.id}/follow`, { method: "DELETE", token: me.token });
    const unfollowed = await api("/api/posts/feed/me", { token: me.token });
    expect(ids(unfollowed.body.items)).toEqual([mine]);
  });

  it("pages through every post once, in order", async () => {
    const me = await registerAndSignIn();
    const friend = await registerAndSignIn();
    await follow(me, friend);
    const written: string[] = [];
    for (let i = 0; i < 5; i++) written.push(await publish(i % 2 ? me : friend, `post ${i}`));

    const pages = await allPages("/api/posts/feed/me", 2, me.token);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(written.reverse());
  });

  it("needs a signed-in viewer", async () => {
    const res = await api("/api/posts/feed/me");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
  });

  it("refuses a huge limit, a tampered cursor and another viewer's cursor", async () => {
    const me = await registerAndSignIn();
    const other = await registerAndSignIn();
    for (let i = 0; i < 2; i++) await publish(me, `mine ${i}`);
    const first = await api("/api/posts/feed/me?limit=1", { token: me.token });
    const cursor: string = first.body.nextCursor;
    expect(cursor).toBeTruthy();

    const huge = await api("/api/posts/feed/me?limit=1000000", { token: me.token });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe("validation_failed");

    for (const [bad, token] of [
      [tamper(cursor), me.token],
      ["not-a-cursor", me.token],
      [cursor, other.token],
    ] as const) {
      const res = await api(`/api/posts/feed/me?cursor=${encodeURIComponent(bad)}`, { token });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_cursor");
    }
  });
});

describe("GET /api/posts/explore/all", () => {
  /**
   * Where each of `wanted` sits in explore, reading pages until all are found. Each must show up
   * exactly once: nobody else engages with these posts, so their scores can't move between pages.
   */
  async function positionsInExplore(
    wanted: string[],
    { limit = 100, token }: { limit?: number; token?: string } = {},
  ) {
    const found = new Map<string, number>();
    let cursor: string | null = null;
    let seen = 0;
    for (let page = 0; page < 200 && found.size < wanted.length; page++) {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await api(`/api/posts/explore/all?limit=${limit}${query}`, { token });
      expect(res.status).toBe(200);
      res.body.items.forEach((p: Post, i: number) => {
        if (!wanted.includes(p.id)) return;
        expect(found.has(p.id), `${p.id} seen twice`).toBe(false);
        found.set(p.id, seen + i);
      });
      seen += res.body.items.length;
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect([...found.keys()].sort()).toEqual([...wanted].sort());
    return found;
  }

  it("works signed out and ranks newer posts first when nobody engages", async () => {
    const author = await registerAndSignIn();
    const older = await publish(author, "explore: older");
    const newer = await publish(author, "explore: newer");

    const res = await api("/api/posts/explore/all?limit=5");
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) expect(item.viewer).toBeNull();

    const at = await positionsInExplore([older, newer]);
    expect(at.get(newer)!).toBeLessThan(at.get(older)!);
  });

  it("ranks a liked post above a newer one nobody liked", async () => {
    const author = await registerAndSignIn();
    const fan = await registerAndSignIn();
    const liked = await publish(author, "explore: will be liked");
    const ignored = await publish(author, "explore: newer, never liked");

    const before = await positionsInExplore([liked, ignored]);
    expect(before.get(ignored)!).toBeLessThan(before.get(liked)!);

    const like = await api(`/api/posts/${liked}/like`, { method: "POST", token: fan.token });
    expect(like.status).toBe(200);
    const after = await positionsInExplore([liked, ignored], { token: fan.token });
    expect(after.get(liked)!).toBeLessThan(after.get(ignored)!);
  });

  it("pages through small pages in rank order and refuses cursors from other lists", async () => {
    const author = await registerAndSignIn();
    const written: string[] = [];
    for (let i = 0; i < 3; i++) written.push(await publish(author, `explore page ${i}`));

    const at = await positionsInExplore(written, { limit: 2 });
    const order = [...written].sort((a, b) => at.get(a)! - at.get(b)!);
    expect(order).toEqual([...written].reverse());

    const first = await api("/api/posts/explore/all?limit=1");
    const fromExplore: string = first.body.nextCursor;
    expect(fromExplore).toBeTruthy();
    const inProfile = await api(
      `/api/users/${author.user.id}/posts?cursor=${encodeURIComponent(fromExplore)}`,
    );
    expect(inProfile.status).toBe(400);
    expect(inProfile.body.error.code).toBe("invalid_cursor");
    const tampered = await api(`/api/posts/explore/all?cursor=${tamper(fromExplore)}`);
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.code).toBe("invalid_cursor");
    expect((await api("/api/posts/explore/all?limit=1000000")).status).toBe(400);
  });
});

describe("GET /api/users/{id}/posts", () => {
  it("lists one user's posts newest first, by id or username, paged", async () => {
    const author = await registerAndSignIn();
    const other = await registerAndSignIn();
    const written: string[] = [];
    for (let i = 0; i < 3; i++) {
      written.push(await publish(author, `profile post ${i}`));
      await publish(other, `someone else's ${i}`);
    }

    const pages = await allPages(`/api/users/${author.user.username}/posts`, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat()).toEqual([...written].reverse());

    const byId = await api(`/api/users/${author.user.id}/posts`, { token: other.token });
    expect(ids(byId.body.items)).toEqual([...written].reverse());
    expect(byId.body.items[0].viewer).toMatchObject({ isAuthor: false });
    expect((await api(`/api/users/${author.user.id}/posts`)).body.items[0].viewer).toBeNull();
  });

  it("is 404 for an unknown user and refuses another profile's cursor", async () => {
    const unknown = await api("/api/users/no_such_user_at_all/posts");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");

    const a = await registerAndSignIn();
    const b = await registerAndSignIn();
    for (let i = 0; i < 2; i++) await publish(a, `a ${i}`);
    const page = await api(`/api/users/${a.user.id}/posts?limit=1`);
    const res = await api(
      `/api/users/${b.user.id}/posts?cursor=${encodeURIComponent(page.body.nextCursor)}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_cursor");
  });
});
