import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpDatabase } from "@/lib/database/set-up-database";

// The clean-up of unattached media against a real (embedded) database and local storage:
// only media on no post, nobody's avatar or banner, and older than the cut-off goes, files too.

const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "grover-media-cleanup-test-"));
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dataDir;
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await (await setUpDatabase().catch(() => null))?.embedded?.stop();
  Object.assign(process.env, saved);
  if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
  delete process.env.GROVER_EMBEDDED_DATABASE;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("deleteUnattachedMedia", { timeout: 60_000 }, () => {
  it("deletes old unused media and its files in bounded batches, and nothing else", async () => {
    const { ensureDatabase } = await import("@/lib/database/ensure-database");
    await ensureDatabase();
    const { db } = await import("@/lib/db");
    const { mediaStorage, localUploadsDir } = await import("@/lib/media/storage");
    const { deleteUnattachedMedia } = await import("@/lib/media/delete-unattached-media");

    const user = (name: string) =>
      db.user.create({
        data: { email: `${name}@example.com`, username: name, displayName: name },
        select: { id: true },
      });
    const [ada, bob] = await Promise.all([user("ada"), user("bob")]);
    const post = await db.post.create({ data: { authorId: ada.id, text: "hi" } });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000);
    let n = 0;
    const media = async (ownerId: string, createdAt: Date, postId: string | null = null) => {
      const prefix = (n++).toString(16).padStart(32, "0");
      const keys = await Promise.all(
        ["display", "thumbnail"].map((name) =>
          mediaStorage().put(`${prefix}/${name}.webp`, new Uint8Array([1, 2, 3]), "image/webp"),
        ),
      );
      return db.media.create({
        data: {
          ownerId,
          kind: "image",
          mimeType: "image/webp",
          fileKey: keys[0]!,
          thumbnailKey: keys[1]!,
          width: 1,
          height: 1,
          size: 3,
          blurDataUrl: "data:image/webp;base64,",
          createdAt,
          postId,
          position: postId ? 0 : null,
        },
      });
    };
    const exists = (key: string) => existsSync(path.join(localUploadsDir(), key));

    const stale = [await media(ada.id, twoDaysAgo), await media(bob.id, twoDaysAgo)];
    const kept = [
      await media(ada.id, new Date()), // too recent
      await media(ada.id, twoDaysAgo, post.id), // on a post
      await media(ada.id, twoDaysAgo), // ada's avatar
      await media(bob.id, twoDaysAgo), // bob's banner
    ];
    await db.user.update({ where: { id: ada.id }, data: { avatarId: kept[2]!.id } });
    await db.user.update({ where: { id: bob.id }, data: { bannerId: kept[3]!.id } });

    expect(await deleteUnattachedMedia({ batchSize: 1 })).toEqual({ deleted: 1 });
    expect(await deleteUnattachedMedia({ batchSize: 1 })).toEqual({ deleted: 1 });
    expect(await deleteUnattachedMedia({ batchSize: 1 })).toEqual({ deleted: 0 });

    const left = await db.media.findMany({ select: { id: true } });
    expect(left.map((m) => m.id).sort()).toEqual(kept.map((m) => m.id).sort());
    for (const m of stale) {
      expect(exists(m.fileKey)).toBe(false);
      expect(exists(m.thumbnailKey)).toBe(false);
    }
    for (const m of kept) expect(exists(m.fileKey)).toBe(true);
    expect((await db.user.findUnique({ where: { id: ada.id } }))?.avatarId).toBe(kept[2]!.id);
  });
});
