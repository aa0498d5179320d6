// Query budgets for the hot endpoints: a regression guard that counts SQL statements instead of
// timing anything. The test server sets EXPOSE_QUERY_COUNT, so every API response carries
// `x-sql-queries`, the statements run for it (the viewer lookup, BEGIN and COMMIT included).
//
// A list endpoint must cost the same for a page of 20 as for a page of 2: a query per post (an
// N+1) fails here even when it stays under the budget. Budgets are the counts measured when this
// was written; lower one when an endpoint gets cheaper, never raise one to make a change pass
// without saying why in the README's performance section.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, registerAndSignIn, type SignedInUser } from "@/tests/support/api-client";

// Measured: a post list is the viewer's session (one statement, user joined in), the list's
// ids, then one statement for the page (lib/posts/posts-page-sql.ts); the feed reads its
// timeline's entries and their posts in one statement, with the viewer's muted words from the
// session lookup (lib/posts/list-feed.ts; past the timeline, a second one fans out on read).
// The writes answer the post, so they include that page load. User search and a profile are the session and one
// statement, the viewer's follow relations included. (This server runs without the shared
// cache; with it, explore's first page skips its ids query: explore-cache.test.ts.)
const BUDGET = {
  feed: 2,
  explore: 3,
  postSearch: 3,
  userSearch: 2,
  profile: 2,
  // 13 since live streams: the post's one LiveEvent row (and its NOTIFY) in the same transaction,
  // one statement whoever follows the author (README, "Live updates").
  createPost: 13,
  like: 9,
};

const PAGE = 20;
const EMOJI = ["🔥", "😂", "❤️"];
const tag = `qb${randomBytes(4).toString("hex")}`;

let viewer: SignedInUser;
let authors: SignedInUser[];
let fans: SignedInUser[];
let postIds: string[];

async function queries(path: string, token?: string, method = "GET", body?: unknown) {
  const res = await api(path, { method, token, body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  const header = res.headers.get("x-sql-queries");
  expect(header, "the server must run with EXPOSE_QUERY_COUNT=true").not.toBeNull();
  return { count: Number(header), body: res.body };
}

/** Counts a list endpoint at page sizes 20 and 2; both pages must be full and cost the same. */
async function listCost(path: string, token?: string): Promise<number> {
  const sep = path.includes("?") ? "&" : "?";
  const full = await queries(`${path}${sep}limit=${PAGE}`, token);
  const small = await queries(`${path}${sep}limit=2`, token);
  expect(full.body.items).toHaveLength(PAGE);
  expect(small.body.items).toHaveLength(2);
  expect(full.count, `${path}: a page of ${PAGE} costs more queries than a page of 2`).toBe(
    small.count,
  );
  return full.count;
}

// A realistic page: several authors the viewer follows, posts with hashtags, likes and several
// reactions from several people, some by the viewer.
beforeAll(async () => {
  const user = (n: number) => registerAndSignIn({ username: `${tag}_${n}` });
  viewer = await user(0);
  authors = await Promise.all([1, 2, 3, 4].map(user));
  fans = await Promise.all([5, 6, 7].map(user));
  // User search pages need 20 matches: 8 above, 12 more here.
  await Promise.all(Array.from({ length: 12 }, (_, i) => user(10 + i)));

  for (const author of authors) {
    const res = await api(`/api/users/${author.user.id}/follow`, {
      method: "POST",
      token: viewer.token,
    });
    expect(res.status).toBe(200);
  }
  postIds = [];
  for (let i = 0; i < PAGE; i++) {
    const author = authors[i % authors.length]!;
    const res = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text: `Budget post ${i} about gardening #${tag}` },
    });
    expect(res.status).toBe(201);
    postIds.push(res.body.id);
  }
  for (const [i, id] of postIds.entries()) {
    for (const [f, fan] of [...fans, viewer].entries()) {
      if ((i + f) % 2 === 0)
        await api(`/api/posts/${id}/like`, { method: "POST", token: fan.token });
      await api(`/api/posts/${id}/react`, {
        method: "POST",
        token: fan.token,
        body: { emoji: EMOJI[(i + f) % EMOJI.length] },
      });
    }
  }
}, 120_000);

describe("SQL queries per request", () => {
  it("GET /api/posts/feed/me", async () => {
    expect(await listCost("/api/posts/feed/me", viewer.token)).toBeLessThanOrEqual(BUDGET.feed);
  });

  it("GET /api/posts/explore/all", async () => {
    expect(await listCost("/api/posts/explore/all", viewer.token)).toBeLessThanOrEqual(
      BUDGET.explore,
    );
  });

  it("GET /api/posts/search/{query}, by hashtag and by words", async () => {
    const byTag = await listCost(
      `/api/posts/search/${encodeURIComponent(`#${tag}`)}`,
      viewer.token,
    );
    expect(byTag).toBeLessThanOrEqual(BUDGET.postSearch);
    const byWords = await listCost(`/api/posts/search/${tag}%20gardening`, viewer.token);
    expect(byWords).toBeLessThanOrEqual(BUDGET.postSearch);
  });

  it("GET /api/users/search/{query}", async () => {
    expect(await listCost(`/api/users/search/${tag}`, viewer.token)).toBeLessThanOrEqual(
      BUDGET.userSearch,
    );
  });

  it("GET /api/users/{id}", async () => {
    const { count } = await queries(`/api/users/${authors[0]!.user.id}`, viewer.token);
    expect(count).toBeLessThanOrEqual(BUDGET.profile);
  });

  it("POST /api/posts", async () => {
    const { count } = await queries("/api/posts", authors[0]!.token, "POST", {
      text: `One more about #${tag} for @${viewer.user.username}`,
    });
    expect(count).toBeLessThanOrEqual(BUDGET.createPost);
  });

  it("POST /api/posts/{id}/like", async () => {
    const { count } = await queries(`/api/posts/${postIds[0]}/like`, fans[1]!.token, "POST");
    expect(count).toBeLessThanOrEqual(BUDGET.like);
  });
});
