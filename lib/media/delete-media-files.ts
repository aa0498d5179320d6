import "server-only";
import { log } from "@/lib/log";
import { mediaStorage } from "./storage";

/**
 * Deletes stored files after their rows are gone (or were never written). A file that can't be
 * deleted is logged, never surfaced: the change the caller made has already happened.
 */
export async function deleteMediaFiles(keys: Array<string | null | undefined>): Promise<void> {
  const storage = mediaStorage();
  await Promise.all(
    keys
      .filter((key): key is string => Boolean(key))
      .map((key) =>
        storage.delete(key).catch((error: unknown) => {
          log.error("media file not deleted", { provider: storage.provider, key, error });
        }),
      ),
  );
}

/** Every file a media row owns. */
export function mediaFileKeys(row: {
  fileKey: string;
  thumbnailKey: string;
  posterKey: string | null;
}): string[] {
  return [row.fileKey, row.thumbnailKey, ...(row.posterKey ? [row.posterKey] : [])];
}
