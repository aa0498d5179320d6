import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type ApiClient } from "@/tests/support/api-client";
import { phonePhoto, plainPng } from "@/tests/support/media-fixtures";
import { startTestServer, type TestServer } from "@/tests/support/start-test-server";
import { startUploadThingDouble, type UploadThingDouble } from "@/tests/support/uploadthing-double";

// The app with UPLOADTHING_TOKEN set, against a local double of UploadThing's HTTP protocol
// (tests/support/uploadthing-double.ts): its own server, since the provider is chosen at start.
let double: UploadThingDouble;
let server: TestServer;
let client: ApiClient;

beforeAll(async () => {
  double = await startUploadThingDouble();
  server = await startTestServer({ name: "uploadthing", env: double.env });
  client = createApiClient(server.baseURL);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await double?.stop();
});

function form(bytes: Uint8Array, name: string, alt = "") {
  const body = new FormData();
  body.append("file", new Blob([new Uint8Array(bytes)]), name);
  body.append("alt", alt);
  return body;
}

async function noExif(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
  expect(meta.format).toBe("webp");
  expect(meta.exif).toBeUndefined();
}

describe("media on UploadThing", () => {
  it("reports UploadThing as the provider, healthy", async () => {
    const res = await client.api("/api/media/status");
    expect(res.body).toMatchObject({ provider: "uploadthing", healthy: true });
  });

  it("stores processed uploads on UploadThing and deletes them there", async () => {
    const { token } = await client.registerAndSignIn();
    const before = double.files.size;
    const res = await client.api("/api/media/upload", {
      method: "POST",
      token,
      body: form(await phonePhoto(), "IMG_0002.JPG"),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [media] = res.body.items;
    expect(media).toMatchObject({ width: 200, height: 300, mimeType: "image/webp" });
    expect(
      media.url.startsWith(`http://${double.env.UPLOADTHING_UFS_HOST}/a/${double.appId}/`),
    ).toBe(true);
    expect(double.files.size).toBe(before + 2);
    await noExif(media.url);
    await noExif(media.thumbnailUrl);

    const deleted = await client.api(`/api/media/${media.id}`, { method: "DELETE", token });
    expect(deleted.status).toBe(204);
    expect(double.files.size).toBe(before);
    expect((await fetch(media.url)).status).toBe(404);
  });

  it("runs the same pipeline when the browser uploads through UploadThing's route", async () => {
    const { token } = await client.registerAndSignIn();
    const photo = await phonePhoto();
    const headers = {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "x-uploadthing-package": "@uploadthing/react",
      "x-uploadthing-version": "7.7.4",
    };

    // 1. What @uploadthing/react does first: ask the app for presigned URLs.
    const presign = await fetch(`${server.baseURL}/api/uploadthing?actionType=upload&slug=media`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        files: [
          {
            name: "IMG_0003.JPG",
            size: photo.length,
            type: "image/jpeg",
            lastModified: Date.now(),
          },
        ],
        input: { alt: ["Seen from the phone"] },
      }),
    });
    expect(presign.status).toBe(200);
    const [{ url, key }] = (await presign.json()) as [{ url: string; key: string }];
    expect(double.registrations.get(key)?.metadata).toMatchObject({ alt: ["Seen from the phone"] });

    // 2. The browser PUTs the original straight to UploadThing, which calls the app back.
    const body = new FormData();
    body.append("file", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "IMG_0003.JPG");
    const put = await fetch(url, { method: "PUT", body });
    expect(put.status).toBe(200);
    const { serverData } = (await put.json()) as {
      serverData: { media?: Record<string, unknown> };
    };

    // 3. The app processed it, stored its own copies, and deleted the original with its GPS.
    expect(serverData.media).toMatchObject({
      kind: "image",
      width: 200,
      height: 300,
      alt: "Seen from the phone",
    });
    expect(double.callbackResults.get(key)).toEqual(serverData);
    expect(double.files.has(key)).toBe(false);
    await noExif(serverData.media!.url as string);

    // The media is the user's, ready to attach.
    const post = await client.api("/api/posts", {
      method: "POST",
      token,
      body: { mediaIds: [serverData.media!.id] },
    });
    expect(post.status).toBe(201);
    expect(post.body.media[0].url).toBe(serverData.media!.url);
  });

  it("refuses signed-out presign requests and forged callbacks", async () => {
    const signedOut = await fetch(
      `${server.baseURL}/api/uploadthing?actionType=upload&slug=media`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          files: [{ name: "a.png", size: 10, type: "image/png" }],
          input: {},
        }),
      },
    );
    expect(signedOut.status).toBe(403);

    const forged = await fetch(`${server.baseURL}/api/uploadthing?slug=media`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "uploadthing-hook": "callback",
        "x-uploadthing-signature": `hmac-sha256=${"0".repeat(64)}`,
      },
      body: JSON.stringify({ status: "uploaded", origin: double.url, metadata: {}, file: {} }),
    });
    expect(forged.status).toBe(400);
  });

  it("proxies a paid post's media through signed app URLs that never name the UploadThing key", async () => {
    const author = await client.registerAndSignIn();
    const uploaded = await client.api("/api/media/upload", {
      method: "POST",
      token: author.token,
      body: form(await plainPng(90, 60), "a.png"),
    });
    expect(uploaded.status).toBe(201);
    const [media] = uploaded.body.items;
    const created = await client.api("/api/posts", {
      method: "POST",
      token: author.token,
      body: {
        text: "Paid, with a picture stored on UploadThing.",
        mediaIds: [media.id],
        price: { amount: 200, currency: "USD" },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const shown = (await client.api(`/api/posts/${created.body.id}`, { token: author.token })).body;
    const { url } = shown.media[0];
    expect(url).toMatch(/^\/api\/media\/files\/[a-z0-9]+\/file\?expires=\d+&signature=/);
    expect(url).not.toContain(double.appId);
    const res = await fetch(`${server.baseURL}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    expect(res.headers.get("content-type")).toBe("image/webp");
    const proxied = Buffer.from(await res.arrayBuffer());
    const direct = Buffer.from(await (await fetch(media.url)).arrayBuffer());
    expect(proxied.equals(direct)).toBe(true);

    const unsigned = await fetch(`${server.baseURL}${url.split("?")[0]}`);
    expect([403, 404]).toContain(unsigned.status);
    const tamperedUrl = url.slice(0, -1) + (url.endsWith("A") ? "B" : "A");
    const tampered = await fetch(`${server.baseURL}${tamperedUrl}`);
    expect(tampered.status).toBe(403);
  });

  it("answers 503 and stores nothing while UploadThing is down", async () => {
    const { token } = await client.registerAndSignIn();
    const before = double.files.size;
    double.down = true;
    try {
      const res = await client.api("/api/media/upload", {
        method: "POST",
        token,
        body: form(await plainPng(), "a.png"),
      });
      expect(res.status).toBe(503);
    } finally {
      double.down = false;
    }
    expect(double.files.size).toBe(before);
  });
});
