// Hot routes (`hot: true` in their spec, lib/api/route.ts) answer without the output parse in
// production, so nothing strips a field their lib function adds by mistake. This holds them to
// their response schema instead: every hot route is fetched, signed in and out, over data that
// fills every branch of a post (tags, mentions, reactions, a quote, a repost, a paid post), and
// its JSON must parse against the schema the OpenAPI document is built from and come out of the
// parse unchanged (no unknown field stripped, nothing coerced).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTE_MODULES } from "@/app/api/openapi.json/route-modules";
import { isRouteHandler } from "@/lib/api/openapi/is-route-handler";
import type { RouteSpec } from "@/lib/api/route";
import { api, registerAndSignIn, type SignedInUser } from "@/tests/support/api-client";

const tag = `rc${randomBytes(4).toString("hex")}`;
let viewer: SignedInUser;
let author: SignedInUser;

function hotSpecs(): RouteSpec[] {
  return Object.values(ROUTE_MODULES)
    .flatMap((module) => Object.values(module))
    .filter(isRouteHandler)
    .map((handler) => handler.spec)
    .filter((spec) => spec.hot);
}

/** Requests that exercise each hot route, by its OpenAPI path. */
function samples(): Record<string, string[]> {
  const id = author.user.id;
  return {
    "/api/posts/feed/me": ["/api/posts/feed/me?limit=50"],
    "/api/posts/explore/all": ["/api/posts/explore/all?limit=50"],
    "/api/posts/search/{query}": [
      `/api/posts/search/${tag}`,
      `/api/posts/search/${encodeURIComponent(`#${tag}`)}`,
    ],
    "/api/users/search/{query}": [`/api/users/search/${tag}`],
    "/api/users/{id}": [`/api/users/${id}`, `/api/users/${author.user.username}`],
    "/api/users/{id}/posts": [`/api/users/${id}/posts`],
    "/api/tags/trending": ["/api/tags/trending?limit=30"],
  };
}

async function post(user: SignedInUser, body: object): Promise<string> {
  const res = await api("/api/posts", { method: "POST", token: user.token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  viewer = await registerAndSignIn({ username: `${tag}_viewer` });
  author = await registerAndSignIn({ username: `${tag}_author` });
  const follow = await api(`/api/users/${author.user.id}/follow`, {
    method: "POST",
    token: viewer.token,
  });
  expect(follow.status).toBe(200);
  const plain = await post(author, {
    text: `Plain words about ${tag} for @${viewer.user.username} #${tag}`,
  });
  await post(author, {
    text: `A paid ${tag} post whose rest only buyers read, long enough to have a preview #${tag}`,
    price: { amount: 300, currency: "USD" },
  });
  await post(author, { text: `Quoting myself on ${tag}`, quotedPostId: plain });
  const other = await registerAndSignIn({ username: `${tag}_other` });
  const reposted = await post(other, { text: `Someone else's ${tag} post` });
  for (const [path, body] of [
    [`/api/posts/${reposted}/repost`, undefined],
    [`/api/posts/${plain}/like`, undefined],
    [`/api/posts/${plain}/save`, undefined],
    [`/api/posts/${plain}/react`, { emoji: "🔥" }],
  ] as const) {
    const res = await api(path, { method: "POST", token: author.token, body });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  }
  await api(`/api/posts/${plain}/like`, { method: "POST", token: viewer.token });
}, 60_000);

describe("hot routes answer exactly their response schema", () => {
  it("has a request for every hot route", () => {
    const covered = samples();
    const hot = hotSpecs().map((spec) => spec.path);
    expect(hot.length).toBeGreaterThan(0);
    expect(hot.filter((path) => !covered[path])).toEqual([]);
  });

  it("answers JSON that the schema parses to itself, signed in and signed out", async () => {
    const covered = samples();
    for (const spec of hotSpecs()) {
      for (const path of covered[spec.path] ?? []) {
        const tokens = spec.auth === "required" ? [viewer.token] : [viewer.token, undefined];
        for (const token of tokens) {
          const res = await api(path, { token });
          const who = `${path} ${token ? "signed in" : "signed out"}`;
          expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(200);
          const parsed = spec.response!.safeParse(res.body);
          expect(parsed.error?.issues ?? [], who).toEqual([]);
          expect(parsed.data, who).toStrictEqual(res.body);
        }
      }
    }
    // The data above must reach the branches: a feed with a repost, a quote and a paid post.
    const feed = await api("/api/posts/feed/me?limit=50", { token: viewer.token });
    const items = feed.body.items as { repostedBy: unknown; quoted: unknown; paid: unknown }[];
    expect(items.some((p) => p.repostedBy)).toBe(true);
    expect(items.some((p) => p.quoted)).toBe(true);
    expect(items.some((p) => p.paid)).toBe(true);
  });
});
