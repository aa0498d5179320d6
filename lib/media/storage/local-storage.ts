import "server-only";
import { randomBytes } from "node:crypto";
import { access, constants, mkdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type MediaStorage, StorageUnavailableError } from "./media-storage";

/** The URL prefix app/api/media/files/[...key]/route.ts serves local files under. */
export const LOCAL_FILES_PATH = "/api/media/files";

/** Keys are ours: `<32 hex>/<name>.<ext>`. Anything else is refused, so no key escapes `root`. */
const KEY_PATTERN = /^[a-f0-9]{32}\/[a-z0-9-]{1,40}\.(webp|mp4|webm)$/;

export function isLocalKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/**
 * Data export archives (lib/account): stored beside the media but never served by the files
 * route, which only takes media keys (localPath); their owner downloads them through the API.
 */
const EXPORT_KEY_PATTERN = /^exports\/[a-z0-9]{20,40}\/[a-z0-9]{20,40}\.zip$/;

/** The file a key names under `root`, or null when the key is not one of ours. */
export function localPath(root: string, key: string): string | null {
  if (!isLocalKey(key)) return null;
  const full = path.resolve(root, key);
  // Belt and braces: the pattern already rules out `..`, separators and absolute paths.
  return full.startsWith(path.resolve(root) + path.sep) ? full : null;
}

/** Like localPath, but also for export archives: what the store itself reads and writes. */
function storedPath(root: string, key: string): string | null {
  if (EXPORT_KEY_PATTERN.test(key)) return path.resolve(root, key);
  return localPath(root, key);
}

/** Files on local disk under `root` (`${DATA_DIR}/uploads`), served by the files route. */
export function createLocalStorage(root: string): MediaStorage {
  const fail = (what: string, error: unknown) =>
    new StorageUnavailableError(`Local media storage failed to ${what}.`, { cause: error });

  return {
    provider: "local",

    async put(key, bytes) {
      const file = storedPath(root, key);
      if (!file) throw new Error(`Not a media key: ${key}`);
      // Write next to the target, then rename: a reader sees the whole file or none.
      const temp = `${file}.${randomBytes(6).toString("hex")}.partial`;
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(temp, bytes, { flag: "wx" });
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true }).catch(() => {});
        throw fail("write a file", error);
      }
      return key;
    },

    async read(key) {
      const file = storedPath(root, key);
      if (!file) throw new Error(`Not a media key: ${key}`);
      try {
        // Uploads live under DATA_DIR, never in the build: without the hint, the build's file
        // tracing can't bound this path and copies the whole project into .next/standalone.
        return new Uint8Array(await readFile(/* turbopackIgnore: true */ file));
      } catch (error) {
        throw fail("read a file", error);
      }
    },

    async delete(key) {
      const file = storedPath(root, key);
      if (!file) return;
      try {
        await rm(file, { force: true });
        // The key's directory holds one upload's files; drop it once empty.
        await rmdir(path.dirname(file)).catch(() => {});
      } catch (error) {
        throw fail("delete a file", error);
      }
    },

    url: (key) => `${LOCAL_FILES_PATH}/${key}`,

    async health() {
      try {
        await mkdir(root, { recursive: true });
        await access(root, constants.W_OK);
      } catch (error) {
        throw fail("reach its directory", error);
      }
    },
  };
}
