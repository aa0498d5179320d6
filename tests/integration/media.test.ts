import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import { api, registerAndSignIn } from "@/tests/support/api-client";
import {
  hasFfmpeg,
  phonePhoto,
  plainPng,
  pngBomb,
  testVideo,
} from "@/tests/support/media-fixtures";

type Part = { bytes: Uint8Array; name: string; type?: string; alt?: string };

function form(parts: Part[]): FormData {
  const body = new FormData();
  for (const part of parts) {
    body.append(
      "file",
      new Blob([new Uint8Array(part.bytes)], { type: part.type ?? "" }),
      part.name,
    );
  }
  for (const part of parts) body.append("alt", part.alt ?? "");
  return body;
}

async function upload(token: string, parts: Part[]) {
  return api("/api/media/upload", { method: "POST", token, body: form(parts) });
}

async function uploadOne(token: string, part: Part) {
  const res = await upload(token, [part]);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.items[0];
}

/** A media URL as a browser would fetch it (relative to the app with local storage). */
async function fetchFile(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(new URL(url, inject("baseURL")), { headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

const uploadsDir = () => path.join(inject("dataDir"), "uploads");

async function storedFiles(): Promise<string[]> {
  if (!existsSync(uploadsDir())) return [];
  const entries = await readdir(uploadsDir(), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe("POST /api/media/upload: images", () => {
  it("stores a phone photo turned upright, without its EXIF or GPS, with a placeholder", async () => {
    const { token } = await registerAndSignIn();
    const original = await phonePhoto();
    // The input really does carry what must not survive.
    const input = await sharp(original).metadata();
    expect(input.orientation).toBe(6);
    expect(input.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPS IFD pointer
    expect(original.includes("PhoneCo")).toBe(true);

    const media = await uploadOne(token, {
      bytes: original,
      name: "IMG_0001.JPG",
      type: "image/jpeg",
      alt: "  A red and blue flag  ",
    });
    expect(media).toMatchObject({
      kind: "image",
      mimeType: "image/webp",
      width: 200,
      height: 300,
      alt: "A red and blue flag",
      posterUrl: null,
      duration: null,
    });
    expect(media.blurDataUrl).toMatch(/^data:image\/webp;base64,/);
    expect(media.blurDataUrl.length).toBeLessThan(1000);

    for (const url of [media.url, media.thumbnailUrl]) {
      const { res, bytes } = await fetchFile(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(bytes.includes("PhoneCo")).toBe(false);
      expect(bytes.includes("Exif")).toBe(false);
      // Upright: portrait, red on top, blue below.
      expect(meta.height).toBeGreaterThan(meta.width!);
      const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [
        ...data.subarray(
          (y * info.width + x) * info.channels,
          (y * info.width + x) * info.channels + 3,
        ),
      ];
      const [r1, , b1] = pixel(Math.floor(info.width / 2), 5);
      const [r2, , b2] = pixel(Math.floor(info.width / 2), info.height - 5);
      expect(r1).toBeGreaterThan(200);
      expect(b1).toBeLessThan(60);
      expect(b2).toBeGreaterThan(200);
      expect(r2).toBeLessThan(60);
    }
    expect(media.size).toBe((await fetchFile(media.url)).bytes.length);
  });

  it("serves files immutable, with an ETag, nosniff and a locked-down CSP", async () => {
    const { token } = await registerAndSignIn();
    const media = await uploadOne(token, { bytes: await plainPng(), name: "a.png" });
    const { res } = await fetchFile(media.url);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe("inline");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetchFile(media.url, { "if-none-match": etag });
    expect(again.res.status).toBe(304);
  });

  it("scales a large image to 2048 px and a 400 px thumbnail", async () => {
    const { token } = await registerAndSignIn();
    const media = await uploadOne(token, { bytes: await plainPng(3000, 1500), name: "wide.png" });
    expect([media.width, media.height]).toEqual([2048, 1024]);
    const thumb = await sharp((await fetchFile(media.thumbnailUrl)).bytes).metadata();
    expect([thumb.width, thumb.height]).toEqual([400, 200]);
  });

  it.each([
    [
      "GIF (first frame)",
      () =>
        sharp({ create: { width: 60, height: 40, channels: 3, background: "#f00" } })
          .gif()
          .toBuffer(),
      "x.gif",
    ],
    [
      "WebP",
      () =>
        sharp({ create: { width: 60, height: 40, channels: 3, background: "#0f0" } })
          .webp()
          .toBuffer(),
      "x.webp",
    ],
    [
      "AVIF",
      () =>
        sharp({ create: { width: 60, height: 40, channels: 3, background: "#00f" } })
          .avif()
          .toBuffer(),
      "x.avif",
    ],
  ])("accepts %s", async (_label, make, name) => {
    const { token } = await registerAndSignIn();
    const media = await uploadOne(token, { bytes: await make(), name });
    expect([media.width, media.height]).toEqual([60, 40]);
  });

  it("judges the type by the bytes: a PNG named .txt is accepted, text named .jpg is 415", async () => {
    const { token } = await registerAndSignIn();
    await uploadOne(token, { bytes: await plainPng(), name: "notes.txt", type: "text/plain" });
    const res = await upload(token, [
      {
        bytes: Buffer.from("just some text, honestly\n".repeat(20)),
        name: "photo.jpg",
        type: "image/jpeg",
      },
    ]);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
    expect(res.body.error.message).toMatch(/photo\.jpg/);
  });

  it("refuses a 20,000 x 20,000 PNG bomb with 422, without decoding it", async () => {
    const { token } = await registerAndSignIn();
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(200_000);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
      width: 20_000,
      height: 20_000,
    });
    const started = Date.now();
    const res = await upload(token, [{ bytes: bomb, name: "bomb.png", type: "image/png" }]);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/too many pixels.*20000 x 20000/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a truncated JPEG with 422", async () => {
    const { token } = await registerAndSignIn();
    const jpeg = await sharp(await plainPng(800, 600))
      .jpeg()
      .toBuffer();
    const res = await upload(token, [
      { bytes: jpeg.subarray(0, jpeg.length / 2), name: "cut.jpg" },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/truncated/);
  });

  it("refuses an image over the size limit with 413", async () => {
    const { token } = await registerAndSignIn();
    const status = (await api("/api/media/status")).body;
    const big = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      randomBytes(status.limits.imageBytes),
    ]);
    const res = await upload(token, [{ bytes: big, name: "huge.jpg" }]);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "payload_too_large" });
  });

  it("refuses five files at once with 400, and a request that is not multipart with 415", async () => {
    const { token } = await registerAndSignIn();
    const png = await plainPng(10, 10);
    const five = Array.from({ length: 5 }, (_, i) => ({ bytes: png, name: `${i}.png` }));
    const res = await upload(token, five);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/At most 4 files/);

    const json = await api("/api/media/upload", { method: "POST", token, body: { file: "x" } });
    expect(json.status).toBe(415);
    const none = await api("/api/media/upload", { method: "POST", token, body: new FormData() });
    expect(none.status).toBe(400);
  });

  it("is 401 signed out", async () => {
    const res = await api("/api/media/upload", {
      method: "POST",
      body: form([{ bytes: await plainPng(), name: "a.png" }]),
    });
    expect(res.status).toBe(401);
  });

  it("stores nothing when any file of a batch is refused", async () => {
    const { token } = await registerAndSignIn();
    const before = await storedFiles();
    const res = await upload(token, [
      { bytes: await plainPng(), name: "fine.png" },
      { bytes: Buffer.from("not an image"), name: "bad.jpg" },
    ]);
    expect(res.status).toBe(415);
    expect(res.body.error.details).toMatchObject({ file: 1, name: "bad.jpg" });
    // Only this file uploads, one test at a time: the directory is exactly as it was, and holds
    // only whole files under their final names (no temporary `.partial` writes).
    const after = await storedFiles();
    expect(after).toEqual(before);
    expect(after.filter((f) => !/\/[a-f0-9]{32}\/[a-z]+\.(webp|mp4|webm)$/.test(f))).toEqual([]);
  });
});

describe.skipIf(!hasFfmpeg)("POST /api/media/upload: video (needs ffmpeg)", () => {
  it.each(["mp4", "webm"] as const)(
    "stores a %s with a poster, without its GPS, served with ranges",
    async (format) => {
      const { token } = await registerAndSignIn();
      const clip = await testVideo(format);
      expect(clip.includes("+48.8577+002.2950")).toBe(true);
      const media = await uploadOne(token, {
        bytes: clip,
        name: `clip.${format}`,
        alt: "Test pattern",
      });
      expect(media).toMatchObject({
        kind: "video",
        mimeType: `video/${format}`,
        width: 320,
        height: 240,
      });
      expect(media.duration).toBeGreaterThan(0.5);
      expect(media.duration).toBeLessThan(1.6);
      expect(media.posterUrl).toEqual(expect.any(String));

      const poster = await fetchFile(media.posterUrl);
      expect(poster.res.headers.get("content-type")).toBe("image/webp");
      expect(await sharp(poster.bytes).metadata()).toMatchObject({ width: 320, height: 240 });

      const whole = await fetchFile(media.url);
      expect(whole.res.status).toBe(200);
      expect(whole.res.headers.get("content-type")).toBe(`video/${format}`);
      expect(whole.res.headers.get("accept-ranges")).toBe("bytes");
      expect(whole.bytes.includes("+48.8577+002.2950")).toBe(false);
      expect(whole.bytes.includes("secret place")).toBe(false);
      const size = whole.bytes.length;

      const part = await fetchFile(media.url, { range: "bytes=100-199" });
      expect(part.res.status).toBe(206);
      expect(part.res.headers.get("content-range")).toBe(`bytes 100-199/${size}`);
      expect(part.bytes.equals(whole.bytes.subarray(100, 200))).toBe(true);

      const tail = await fetchFile(media.url, { range: "bytes=-50" });
      expect(tail.res.status).toBe(206);
      expect(tail.bytes.equals(whole.bytes.subarray(size - 50))).toBe(true);

      const open = await fetchFile(media.url, { range: `bytes=${size - 10}-` });
      expect(open.res.headers.get("content-range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);

      const beyond = await fetchFile(media.url, { range: `bytes=${size + 10}-` });
      expect(beyond.res.status).toBe(416);
      expect(beyond.res.headers.get("content-range")).toBe(`bytes */${size}`);
    },
  );

  it("refuses a truncated video with 422", async () => {
    const { token } = await registerAndSignIn();
    const clip = await testVideo("mp4");
    const res = await upload(token, [{ bytes: clip.subarray(0, 600), name: "cut.mp4" }]);
    expect(res.status).toBe(422);
  });
});

describe("GET /api/media/files/{key}", () => {
  it.each([
    "/api/media/files/..%2f..%2fetc%2fpasswd",
    "/api/media/files/%2e%2e/%2e%2e/etc/passwd",
    "/api/media/files/00000000000000000000000000000000/display.webp",
    "/api/media/files/abc/display.webp",
    "/api/media/files/status",
  ])("is 404 for %s", async (url) => {
    const { res } = await fetchFile(url);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("json");
  });
});

describe("DELETE /api/media/{id}", () => {
  it("deletes your media and its files; others get 403, unknown ids 404", async () => {
    const owner = await registerAndSignIn();
    const other = await registerAndSignIn();
    const media = await uploadOne(owner.token, { bytes: await plainPng(), name: "a.png" });

    const forbidden = await api(`/api/media/${media.id}`, { method: "DELETE", token: other.token });
    expect(forbidden.status).toBe(403);
    expect((await fetchFile(media.url)).res.status).toBe(200);

    const unknown = await api(`/api/media/${"x".repeat(25)}`, {
      method: "DELETE",
      token: owner.token,
    });
    expect(unknown.status).toBe(404);

    const done = await api(`/api/media/${media.id}`, { method: "DELETE", token: owner.token });
    expect(done.status).toBe(204);
    expect((await fetchFile(media.url)).res.status).toBe(404);
    expect((await fetchFile(media.thumbnailUrl)).res.status).toBe(404);
    const again = await api(`/api/media/${media.id}`, { method: "DELETE", token: owner.token });
    expect(again.status).toBe(404);
  });
});

describe("media on posts", () => {
  it("attaches two photos and a video in order; readers get sizes and placeholders; deleting the post deletes the files", async () => {
    const author = await registerAndSignIn();
    const reader = await registerAndSignIn();
    const photo1 = await uploadOne(author.token, {
      bytes: await phonePhoto(),
      name: "1.jpg",
      alt: "first",
    });
    const photo2 = await uploadOne(author.token, {
      bytes: await plainPng(800, 600),
      name: "2.png",
    });
    const third = hasFfmpeg
      ? await uploadOne(author.token, { bytes: await testVideo("mp4"), name: "3.mp4" })
      : await uploadOne(author.token, { bytes: await plainPng(30, 30), name: "3.png" });
    const ids = [photo2.id, photo1.id, third.id];

    const created = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { mediaIds: ids },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.text).toBe("");

    const post = await api(`/api/posts/${created.body.id}`, { token: reader.token });
    expect(post.body.media.map((m: { id: string }) => m.id)).toEqual(ids);
    expect(post.body.media[0]).toMatchObject({ width: 800, height: 600, kind: "image" });
    expect(post.body.media[1]).toMatchObject({ width: 200, height: 300, alt: "first" });
    for (const m of post.body.media) expect(m.blurDataUrl).toMatch(/^data:image\/webp;base64,/);
    if (hasFfmpeg)
      expect(post.body.media[2]).toMatchObject({ kind: "video", posterUrl: expect.any(String) });

    // Attached media belongs to the post now.
    const reuse = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text: "again", mediaIds: [photo1.id] },
    });
    expect(reuse.status).toBe(409);
    const removeAttached = await api(`/api/media/${photo1.id}`, {
      method: "DELETE",
      token: author.token,
    });
    expect(removeAttached.status).toBe(409);

    const urls = post.body.media.flatMap(
      (m: { url: string; thumbnailUrl: string; posterUrl: string | null }) =>
        [m.url, m.thumbnailUrl, m.posterUrl].filter(Boolean),
    );
    for (const url of urls) expect((await fetchFile(url)).res.status).toBe(200);
    expect(
      (await api(`/api/posts/${created.body.id}`, { method: "DELETE", token: author.token }))
        .status,
    ).toBe(204);
    for (const url of urls) expect((await fetchFile(url)).res.status).toBe(404);
  });

  it("refuses someone else's media, unknown ids, repeats and more than four", async () => {
    const author = await registerAndSignIn();
    const other = await registerAndSignIn();
    const theirs = await uploadOne(other.token, { bytes: await plainPng(), name: "t.png" });
    const mine = await uploadOne(author.token, { bytes: await plainPng(), name: "m.png" });

    const stolen = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text: "hi", mediaIds: [mine.id, theirs.id] },
    });
    expect(stolen.status).toBe(403);
    // The failed post attached nothing: the author's own media is still free to use.
    const unknown = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text: "hi", mediaIds: ["z".repeat(25)] },
    });
    expect(unknown.status).toBe(422);
    const repeated = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { mediaIds: [mine.id, mine.id] },
    });
    expect(repeated.status).toBe(400);
    const five = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { mediaIds: Array(5).fill(mine.id) },
    });
    expect(five.status).toBe(400);
    const empty = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text: " ", mediaIds: [] },
    });
    expect(empty.status).toBe(400);

    const ok = await api("/api/posts", {
      method: "POST",
      token: author.token,
      body: { text: "mine", mediaIds: [mine.id] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.media).toHaveLength(1);
  });

  it("lets only one of two racing posts attach the same media", async () => {
    const { token } = await registerAndSignIn();
    const media = await uploadOne(token, { bytes: await plainPng(), name: "race.png" });
    const results = await Promise.all(
      [1, 2].map((n) =>
        api("/api/posts", {
          method: "POST",
          token,
          body: { text: `race ${n}`, mediaIds: [media.id] },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

describe("avatars and banners", () => {
  it("sets your own images and shows their URLs; someone else's image is 403, a video 422", async () => {
    const { token, user } = await registerAndSignIn();
    const other = await registerAndSignIn();
    const avatar = await uploadOne(token, { bytes: await plainPng(500, 500), name: "me.png" });
    const banner = await uploadOne(token, { bytes: await plainPng(1500, 500), name: "banner.png" });

    const res = await api("/api/users/profile", {
      method: "PUT",
      token,
      body: { avatarId: avatar.id, bannerId: banner.id },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      avatarId: avatar.id,
      avatarUrl: avatar.thumbnailUrl,
      bannerUrl: banner.url,
    });

    const profile = await api(`/api/users/${user.username}`);
    expect(profile.body).toMatchObject({
      avatarUrl: avatar.thumbnailUrl,
      bannerId: banner.id,
      bannerUrl: banner.url,
    });
    const post = await api("/api/posts", { method: "POST", token, body: { text: "with avatar" } });
    expect(post.body.author.avatarUrl).toBe(avatar.thumbnailUrl);

    const theirs = await uploadOne(other.token, { bytes: await plainPng(), name: "t.png" });
    const stolen = await api("/api/users/profile", {
      method: "PUT",
      token,
      body: { avatarId: theirs.id },
    });
    expect(stolen.status).toBe(403);
    if (hasFfmpeg) {
      const video = await uploadOne(token, { bytes: await testVideo("webm"), name: "v.webm" });
      const notImage = await api("/api/users/profile", {
        method: "PUT",
        token,
        body: { bannerId: video.id },
      });
      expect(notImage.status).toBe(422);
    }

    // Deleting the image clears the avatar instead of leaving a broken reference.
    expect((await api(`/api/media/${avatar.id}`, { method: "DELETE", token })).status).toBe(204);
    expect((await api(`/api/users/${user.id}`)).body).toMatchObject({
      avatarId: null,
      avatarUrl: null,
    });
  });
});

describe("GET /api/media/status", () => {
  it("reports local storage, healthy, with its limits and accepted types", async () => {
    const res = await api("/api/media/status");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      provider: "local",
      healthy: true,
      limits: {
        maxFilesPerUpload: 4,
        maxPixels: 50_000_000,
        imageBytes: 15 * 1024 * 1024,
        videoBytes: 50 * 1024 * 1024,
      },
    });
    expect(res.body.acceptedTypes).toEqual(
      expect.arrayContaining(["image/jpeg", "image/png", "video/mp4", "video/webm"]),
    );
  });
});

// Last in this file, which runs its tests in order: it breaks the uploads directory for a moment.
describe.skipIf(!inject("dataDir"))("storage unavailable", () => {
  it("answers 503, reports unhealthy, and stores nothing", async () => {
    const { token } = await registerAndSignIn();
    const dir = uploadsDir();
    const aside = `${dir}.aside`;
    await rename(dir, aside);
    await writeFile(dir, "a file where the directory should be");
    try {
      const res = await upload(token, [{ bytes: await plainPng(), name: "a.png" }]);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("service_unavailable");
      expect((await api("/api/media/status")).body.healthy).toBe(false);
    } finally {
      await rm(dir, { force: true });
      await rename(aside, dir);
    }
    expect((await api("/api/media/status")).body.healthy).toBe(true);
  });
});
