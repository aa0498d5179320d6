import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPageMetadata } from "@/lib/link-previews/fetch-page-metadata";
import { LinkFetchError } from "@/lib/link-previews/fetch-public";
import { createAppDatabase, type AppDatabase } from "@/tests/support/app-database";
import { createApiClient } from "@/tests/support/api-client";
import { startPreviewSite, type PreviewSite } from "@/tests/support/link-preview-site";
import { poll } from "@/tests/support/poll";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";
import { useTestDatabase } from "@/tests/support/test-database";

// Link previews against local web sites. The fetcher's rules are checked in this process (where
// NODE_ENV is "test", so LINK_PREVIEW_ALLOW_HOSTS may name the one site it is allowed to reach),
// against a real database and local media storage; then the built app (production, where the
// allowlist is refused) is shown to refuse the very same loopback site when a post links it.

let site: PreviewSite; // allowlisted
let other: PreviewSite; // not allowlisted: stands for any private service
let dropDatabase: (() => Promise<void>) | undefined;
let dataDir: string;

beforeAll(async () => {
  site = await startPreviewSite();
  other = await startPreviewSite();
  process.env.LINK_PREVIEW_ALLOW_HOSTS = site.host;
  dataDir = mkdtempSync(path.join(tmpdir(), "grover-link-previews-"));
  process.env.DATA_DIR = dataDir;
  dropDatabase = await useTestDatabase();
}, 60_000);

afterAll(async () => {
  await dropDatabase?.();
  await site?.close();
  await other?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The reason a fetch was refused, or "fetched". */
async function outcome(url: string, allowHosts = [site.host]): Promise<string> {
  try {
    await fetchPageMetadata(url, allowHosts);
    return "fetched";
  } catch (error) {
    if (error instanceof LinkFetchError) return error.reason;
    throw error;
  }
}

describe("fetching a linked page", { timeout: 20_000 }, () => {
  it("reads a good page's card", async () => {
    expect(await fetchPageMetadata(site.url("/good"), [site.host])).toEqual({
      title: "A good article",
      description: "What the article is about, in a sentence.",
      siteName: "Preview Site",
      imageUrl: site.url("/cover.png"),
    });
    expect((await fetchPageMetadata(site.url("/latin1"), [site.host])).title).toBe(
      "Crème brûlée €",
    );
    // No site name of its own: the host names it.
    expect((await fetchPageMetadata(site.url("/no-image"), [site.host])).siteName).toBe(
      "127.0.0.1",
    );
  });

  it("stops reading past 1 MB, streamed or declared", async () => {
    expect(await outcome(site.url("/huge"))).toBe("too_large");
    expect(await outcome(site.url("/huge-declared"))).toBe("too_large");
  });

  it("gives up on a slow page after 5 seconds in all", async () => {
    const started = Date.now();
    expect(await outcome(site.url("/slow"))).toBe("timeout");
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(4_900);
    expect(took).toBeLessThan(7_000);
  });

  it("refuses anything but text/html", async () => {
    expect(await outcome(site.url("/not-html"))).toBe("wrong_type");
  });

  it("refuses redirects to private addresses, re-checking every hop", async () => {
    const to = (target: string) => site.url(`/redirect?to=${encodeURIComponent(target)}`);
    expect(await outcome(to(other.url("/good")))).toBe("refused"); // 127.0.0.1, another port
    expect(await outcome(to("http://169.254.169.254/latest/meta-data/"))).toBe("refused");
    expect(await outcome(to("http://10.0.0.1/"))).toBe("refused");
    expect(await outcome(to("http://100.64.0.1/"))).toBe("refused");
    expect(await outcome(to("http://[::1]:1/"))).toBe("refused");
    expect(await outcome(to("http://localhost:1/"))).toBe("refused");
    expect(await outcome(to("file:///etc/passwd"))).toBe("refused");
    expect(other.requests).toEqual([]);
    // Three redirects are followed; a fourth is refused.
    expect(await outcome(site.url("/hops?n=2"))).toBe("fetched");
    expect(await outcome(site.url("/hops?n=3"))).toBe("refused");
  });

  it("refuses the loopback site when the allowlist doesn't name it", async () => {
    expect(await outcome(site.url("/good"), [])).toBe("refused");
    expect(await outcome(other.url("/good"))).toBe("refused");
    expect(await outcome(`http://localhost:${other.port}/good`)).toBe("refused");
    expect(other.requests).toEqual([]);
  });
});

describe("a post's link preview", { timeout: 60_000 }, () => {
  async function newPost(text: string) {
    const { db } = await import("@/lib/db");
    const name = `lp${Math.random().toString(36).slice(2, 10)}`;
    const user = await db.user.create({
      data: { email: `${name}@example.com`, username: name, displayName: name },
      select: { id: true },
    });
    return db.post.create({ data: { authorId: user.id, text }, select: { id: true } });
  }

  it("stores the card with its image re-encoded like an upload, and shares it by URL", async () => {
    const { refreshPostLinkPreview } =
      await import("@/lib/link-previews/refresh-post-link-preview");
    const { loadPosts } = await import("@/lib/posts/load-posts");
    const { db } = await import("@/lib/db");
    const { localUploadsDir } = await import("@/lib/media/storage");

    const url = site.url("/good?title=Shared");
    const first = await newPost(`Worth a read: ${url}.`);
    expect(await refreshPostLinkPreview(first.id)).toEqual({ outcome: "fetched", url });

    const [post] = await loadPosts([first.id]);
    expect(post!.linkPreview).toEqual({
      url,
      title: "Shared",
      description: "What the article is about, in a sentence.",
      siteName: "Preview Site",
      imageUrl: expect.stringMatching(/^\/api\/media\/files\/[a-f0-9]{32}\/preview\.webp$/),
    });
    // Never the site's own image URL: our copy, re-encoded to WebP by the upload pipeline.
    const row = await db.linkPreview.findUniqueOrThrow({ where: { url } });
    const file = await readFile(path.join(localUploadsDir(), row.imageKey!));
    const meta = await sharp(file).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1200, height: 630 });
    expect({ w: row.imageWidth, h: row.imageHeight }).toEqual({ w: 1200, h: 630 });

    // Another post linking the same page (with a fragment) reuses it without fetching again.
    const fetches = site.requests.length;
    const second = await newPost(`again ${url}#comments`);
    expect(await refreshPostLinkPreview(second.id)).toEqual({ outcome: "reused", url });
    expect(site.requests.length).toBe(fetches);
    const [again] = await loadPosts([second.id]);
    expect(again!.linkPreview).toEqual(post!.linkPreview);
  });

  it("keeps a card without an image the rules refuse, and no card for a refused page", async () => {
    const { refreshPostLinkPreview } =
      await import("@/lib/link-previews/refresh-post-link-preview");
    const { loadPosts } = await import("@/lib/posts/load-posts");

    const elsewhere = site.url(
      `/image-elsewhere?src=${encodeURIComponent(other.url("/cover.png"))}`,
    );
    const svg = site.url("/svg-image");
    const refused = other.url("/good");
    const posts = await Promise.all([newPost(elsewhere), newPost(svg), newPost(refused)]);
    for (const post of posts) await refreshPostLinkPreview(post.id);
    const [a, b, c] = await loadPosts(posts.map((p) => p.id));
    expect(a!.linkPreview).toMatchObject({ title: "Image elsewhere", imageUrl: null });
    expect(b!.linkPreview).toMatchObject({ title: "SVG", imageUrl: null });
    expect(c!.linkPreview).toBeNull();
    expect(other.requests).toEqual([]);
  });

  it("drops the card when the link is edited away", async () => {
    const { refreshPostLinkPreview } =
      await import("@/lib/link-previews/refresh-post-link-preview");
    const { loadPosts } = await import("@/lib/posts/load-posts");
    const { db } = await import("@/lib/db");
    const post = await newPost(site.url("/no-image"));
    await refreshPostLinkPreview(post.id);
    expect((await loadPosts([post.id]))[0]!.linkPreview).toMatchObject({ title: "Only a title" });
    await db.post.update({ where: { id: post.id }, data: { text: "no link any more" } });
    expect(await refreshPostLinkPreview(post.id)).toEqual({ outcome: "no-link" });
    expect((await loadPosts([post.id]))[0]!.linkPreview).toBeNull();
  });
});

describe("the app (production: no allowlist)", { timeout: 120_000 }, () => {
  let database: AppDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await createAppDatabase();
    server = await startTestServer({
      name: "link-previews",
      // This process's allowlist stays here: a production server refuses to start with one.
      env: { ...database.env, LINK_PREVIEW_ALLOW_HOSTS: undefined },
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("fetches a new post's and an edited post's link in the background, refusing loopback", async () => {
    const client = createApiClient(server.baseURL);
    const author = await client.registerAndSignIn();
    const first = other.url("/good?from=app");
    const created = await client.api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text: `Look: ${first}` },
    });
    expect(created.status).toBe(201);
    expect(created.body.linkPreview).toBeNull();

    // The background function ran (it recorded the attempt) and refused to connect.
    const rows = () =>
      database.query<{ url: string; title: string | null }>(
        `SELECT lp.url, lp.title FROM "Post" p JOIN "LinkPreview" lp ON lp.id = p."linkPreviewId" WHERE p.id = $1`,
        [created.body.id],
      );
    expect(await poll(async () => (await rows())[0], { what: "the preview attempt" })).toEqual({
      url: first,
      title: null,
    });

    // An edit that changes the first link fetches again (post.link.changed).
    const second = other.url("/good?from=edit");
    const edited = await client.api(`/api/posts/${created.body.id}`, {
      method: "PUT",
      token: author.token,
      body: { text: `Better: ${second}` },
    });
    expect(edited.status).toBe(200);
    await poll(async () => (await rows())[0]?.url === second, { what: "the edit's attempt" });
    const shown = await client.api(`/api/posts/${created.body.id}`, { token: author.token });
    expect(shown.body.linkPreview).toBeNull();
    expect(other.requests).toEqual([]);
  });
});
