import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StorageUnavailableError } from "@/lib/media/storage/media-storage";
import { createUploadThingStorage } from "@/lib/media/storage/uploadthing-storage";
import { startUploadThingDouble, type UploadThingDouble } from "@/tests/support/uploadthing-double";

// The UploadThing provider through the real `uploadthing` package (UTApi), against a local
// double of UploadThing's HTTP protocol: signed presigned PUTs, /v6/deleteFiles, /v6/getUsageInfo.
let double: UploadThingDouble;

beforeAll(async () => {
  double = await startUploadThingDouble();
});
afterAll(() => double.stop());

function storage(token = double.token) {
  return createUploadThingStorage({
    token,
    apiUrl: double.url,
    ingestUrl: double.url,
    ufsHost: double.env.UPLOADTHING_UFS_HOST,
    ufsAppIdLocation: "path",
  });
}

describe("UploadThing storage", () => {
  it("puts a file, serves it at url(key), and deletes it", async () => {
    const store = storage();
    const bytes = new Uint8Array([1, 2, 3, 4, 5, 250]);
    const key = await store.put(
      "0123456789abcdef0123456789abcdef/display.webp",
      bytes,
      "image/webp",
    );
    expect(key).not.toContain("/");
    expect(double.files.get(key)).toMatchObject({ type: "image/webp" });
    expect([...double.files.get(key)!.bytes]).toEqual([...bytes]);

    const res = await fetch(store.url(key));
    expect(res.status).toBe(200);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([...bytes]);

    await store.delete(key);
    expect(double.files.has(key)).toBe(false);
    expect((await fetch(store.url(key))).status).toBe(404);
  });

  it("reports health through the API, and failure when UploadThing is down", async () => {
    const store = storage();
    await expect(store.health()).resolves.toBeUndefined();
    double.down = true;
    try {
      const fresh = storage(); // no cached health
      await expect(fresh.health()).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(
        fresh.put("0123456789abcdef0123456789abcdef/x.webp", new Uint8Array([1]), "image/webp"),
      ).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(fresh.delete("whatever")).rejects.toBeInstanceOf(StorageUnavailableError);
    } finally {
      double.down = false;
    }
  });

  it("is refused by UploadThing with the wrong API key", async () => {
    const forged = Buffer.from(
      JSON.stringify({ apiKey: "sk_test_wrong", appId: double.appId, regions: ["local"] }),
    ).toString("base64");
    const store = storage(forged);
    await expect(
      store.put("0123456789abcdef0123456789abcdef/x.webp", new Uint8Array([1]), "image/webp"),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.health()).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it("builds UploadThing's public URL form by default", () => {
    const store = createUploadThingStorage({ token: double.token });
    expect(store.url("abc123")).toBe(`https://${double.appId}.ufs.sh/f/abc123`);
  });
});
