// Paid text stays paid: search matches only what the searcher may read, and a paid post's media
// are served only through signed, expiring URLs to its buyers and author. Its own server, with
// PayPal pointed at the local double (purchases are real captures) and a known AUTH_SECRET, so
// the test can sign a URL that has expired.
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewOf } from "@/lib/payments/paid-post";
import { type ApiClient, type SignedInUser } from "@/tests/support/api-client";
import { plainPng } from "@/tests/support/media-fixtures";
import { paymentFlow } from "@/tests/support/payment-flow";
import { poll } from "@/tests/support/poll";
import { startPayPalApp, type PayPalApp } from "@/tests/support/paypal-app";
import type { TestServer } from "@/tests/support/start-test-server";

const AUTH_SECRET = randomBytes(32).toString("hex");

let server: TestServer;
let client: ApiClient;
let stop: PayPalApp["stop"];
const api: ApiClient["api"] = (path, options) => client.api(path, options);
const signUp = () => client.registerAndSignIn();

beforeAll(async () => {
  ({ server, client, stop } = await startPayPalApp("paid-content", { AUTH_SECRET }));
}, 180_000);

afterAll(async () => {
  await stop?.();
});

/** A made-up word of letters only, which no other post contains. */
function uniqueWord(prefix = "zq"): string {
  return prefix + [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
}

const { buy } = paymentFlow(api);

async function publish(author: SignedInUser, text: string, mediaIds: string[] = [], paid = true) {
  const res = await api("/api/posts", {
    method: "POST",
    token: author.token,
    body: { text, mediaIds, ...(paid && { price: { amount: 300, currency: "USD" } }) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

const searchIds = async (query: string, token?: string) => {
  const res = await api(`/api/posts/search/${encodeURIComponent(query)}`, { token });
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((p) => p.id);
};

const fetchFile = (url: string) => fetch(new URL(url, server.baseURL));

describe("search over paid posts", () => {
  it("matches a locked word and tag only for the author and buyers; the preview for all", async () => {
    const author = await signUp();
    const buyer = await signUp();
    const stranger = await signUp();
    const open = uniqueWord("zo");
    const hidden = uniqueWord("zh");
    const tag = uniqueWord("zt");
    // The preview is a third of the text (at most 140 characters): `open` is in it, `hidden`
    // and the tag only in the locked rest.
    const text =
      `${open} begins the story here, ` +
      "and then it goes on for quite a while about the making of the record in a small studio, " +
      "with more details than anybody needs, until the very end where the secret is told: " +
      `the answer is ${hidden}, tagged #${tag}.`;
    const post = await publish(author, text);
    await buy(buyer, post.id);

    for (const token of [stranger.token, undefined]) {
      expect(await searchIds(hidden, token)).toEqual([]);
      expect(await searchIds(`#${tag}`, token)).toEqual([]);
      expect(await searchIds(open, token)).toEqual([post.id]);
      // Nor does the post itself name what its locked text tags.
      const shown = await api(`/api/posts/${post.id}`, { token });
      expect(shown.body.paid.unlocked).toBe(false);
      expect(shown.body.hashtags).toEqual([]);
      expect(shown.body.text).not.toContain(hidden);
    }
    for (const reader of [author, buyer]) {
      expect(await searchIds(hidden, reader.token)).toEqual([post.id]);
      expect(await searchIds(`#${tag}`, reader.token)).toEqual([post.id]);
      expect(await searchIds(open, reader.token)).toEqual([post.id]);
      expect((await api(`/api/posts/${post.id}`, { token: reader.token })).body.hashtags).toEqual([
        tag,
      ]);
    }
  });
});

describe("a paid post's media", () => {
  it("go to buyers and the author as signed, private URLs, and to nobody else", async () => {
    const author = await signUp();
    const buyer = await signUp();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await plainPng(120, 80))]), "a.png");
    const uploaded = await api("/api/media/upload", {
      method: "POST",
      token: author.token,
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const media = uploaded.body.items[0];
    // Before it is attached, the uploader's URL is the ordinary public one.
    const before = await fetchFile(media.url);
    expect(before.status).toBe(200);
    const post = await publish(author, "Behind the scenes, with a photo of the studio.", [
      media.id,
    ]);
    await buy(buyer, post.id);

    for (const reader of [author, buyer]) {
      const shown = (await api(`/api/posts/${post.id}`, { token: reader.token })).body;
      expect(shown.media).toHaveLength(1);
      const { url, thumbnailUrl } = shown.media[0];
      expect(url).toMatch(/^\/api\/media\/files\/[a-z0-9]+\/file\?expires=\d+&signature=/);
      for (const signed of [url, thumbnailUrl]) {
        const res = await fetchFile(signed);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("image/webp");
        const cache = res.headers.get("cache-control") ?? "";
        expect(cache).toMatch(/^private, max-age=\d+$/);
        expect(Number(cache.split("=")[1])).toBeLessThanOrEqual(75 * 60);
      }
    }

    // Everyone else: no URL in the post, and none of the URLs works without its signature.
    const signed = (await api(`/api/posts/${post.id}`, { token: buyer.token })).body.media[0].url;
    const stranger = await signUp();
    expect((await api(`/api/posts/${post.id}`, { token: stranger.token })).body.media).toEqual([]);
    const [path, query] = signed.split("?");
    const params = new URLSearchParams(query);
    const expires = Number(params.get("expires"));
    const signature = params.get("signature")!;
    const tampered = signature.slice(0, -2) + (signature.endsWith("AA") ? "BB" : "AA");
    const key = path.replace("/api/media/files/", "");
    const sign = (exp: number) =>
      createHmac("sha256", AUTH_SECRET).update(`media-file:${key}:${exp}`).digest("base64url");
    const past = Math.floor(Date.now() / 1000) - 60;

    expect([403, 404]).toContain((await fetchFile(path)).status);
    expect((await fetchFile(`${path}?expires=${expires}&signature=${tampered}`)).status).toBe(403);
    expect(
      (await fetchFile(`${path}?expires=${expires + 600}&signature=${signature}`)).status,
    ).toBe(403);
    expect((await fetchFile(`${path}?expires=${past}&signature=${sign(past)}`)).status).toBe(403);
    // The same signing, unexpired, works: the expired one failed for its age alone.
    expect((await fetchFile(`${path}?expires=${expires}&signature=${sign(expires)}`)).status).toBe(
      200,
    );
    // The public URL the upload answered no longer serves the file, cached or not.
    const publicNow = await fetchFile(media.url);
    expect(publicNow.status).toBe(403);
    expect((await fetchFile(media.thumbnailUrl)).status).toBe(403);
  });

  it("of a free post stay public and cached forever", async () => {
    const author = await signUp();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await plainPng(40, 40))]), "a.png");
    const media = (
      await api("/api/media/upload", { method: "POST", token: author.token, body: form })
    ).body.items[0];
    const post = await publish(author, "A free post with a picture.", [media.id], false);
    const shown = (await api(`/api/posts/${post.id}`)).body;
    expect(shown.media[0].url).toBe(media.url);
    expect(shown.media[0].url).not.toContain("?");
    const res = await fetchFile(shown.media[0].url);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("a paid post in notifications", () => {
  // The excerpt once had its own copy of the paywall rule, without purchases: a buyer's
  // notifications kept showing the preview of a post they had bought.
  it("show its buyer and its author the open text, and anyone else the preview", async () => {
    const author = await signUp();
    const buyer = await signUp();
    const stranger = await signUp();
    for (const fan of [buyer, stranger]) {
      const res = await api(`/api/users/${author.user.id}/follow`, {
        method: "POST",
        token: fan.token,
      });
      expect(res.status).toBe(200);
    }
    const text = `A short open start, then the locked part names ${uniqueWord()} and says no more.`;
    const post = await publish(author, text);
    const liked = await api(`/api/posts/${post.id}/like`, {
      method: "POST",
      token: stranger.token,
    });
    expect(liked.status).toBe(200);
    await buy(buyer, post.id);

    const excerpt = (user: SignedInUser, kind: string) =>
      poll(
        async () => {
          const res = await api("/api/notifications", { token: user.token });
          const items = res.body.items as {
            kind: string;
            post: { id: string; excerpt: string } | null;
          }[];
          return items.find((n) => n.kind === kind && n.post?.id === post.id)?.post?.excerpt;
        },
        { what: `a ${kind} notification` },
      );
    const open = text.slice(0, 100);
    expect(await excerpt(buyer, "purchase_receipt")).toBe(open);
    expect(await excerpt(buyer, "new_post")).toBe(open);
    expect(await excerpt(author, "payment_received")).toBe(open);
    expect(await excerpt(author, "like")).toBe(open);
    expect(await excerpt(stranger, "new_post")).toBe(previewOf(text));
  });
});
