import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { MediaKind } from "@/lib/generated/prisma/enums";
import { deleteMediaFiles } from "./delete-media-files";
import type { TMedia } from "./media.types";
import { mediaStorage, StorageUnavailableError } from "./storage";
import { MEDIA_SELECT } from "./media-select";
import { toMedia } from "./to-media";

type File = { bytes: Uint8Array; contentType: string; name: string };

/** A processed upload, ready to store: every file in memory, every column known. */
export type PreparedMedia = {
  kind: MediaKind;
  mimeType: string;
  alt: string;
  width: number;
  height: number;
  duration: number | null;
  blurDataUrl: string;
  file: File;
  thumbnail: File;
  poster: File | null;
};

/**
 * Writes the files first, then every row in one transaction. If a write fails, the files already
 * written are deleted and the caller gets 503; if the rows fail, the files go too. So there is
 * never a row without its files, nor (short of a crash between the two) files without a row.
 */
export async function storeMedia(ownerId: string, items: PreparedMedia[]): Promise<TMedia[]> {
  if (!ownerId) throw new Error("storeMedia needs an owner");
  const storage = mediaStorage();
  const written: string[] = [];
  const put = async (prefix: string, file: File) => {
    const key = await storage.put(`${prefix}/${file.name}`, file.bytes, file.contentType);
    written.push(key);
    return key;
  };

  const keyed = [];
  try {
    for (const item of items) {
      // A fresh random prefix per upload: keys are never reused, so files cache forever. It is
      // the row's id too, so the files route finds a key's row by primary key (serve-media-file).
      const prefix = randomBytes(16).toString("hex");
      keyed.push({
        id: prefix,
        item,
        fileKey: await put(prefix, item.file),
        thumbnailKey: await put(prefix, item.thumbnail),
        posterKey: item.poster ? await put(prefix, item.poster) : null,
      });
    }
  } catch (error) {
    await deleteMediaFiles(written);
    if (error instanceof StorageUnavailableError) {
      throw new ApiError(
        "service_unavailable",
        "Media storage is unavailable. Try again shortly.",
        {
          headers: { "Retry-After": "10" },
        },
      );
    }
    throw error;
  }

  try {
    const rows = await db.$transaction(
      keyed.map(({ id, item, fileKey, thumbnailKey, posterKey }) =>
        db.media.create({
          data: {
            id,
            ownerId,
            kind: item.kind,
            mimeType: item.mimeType,
            fileKey,
            thumbnailKey,
            posterKey,
            width: item.width,
            height: item.height,
            size: item.file.bytes.byteLength,
            duration: item.duration,
            blurDataUrl: item.blurDataUrl,
            alt: item.alt,
          },
          select: MEDIA_SELECT,
        }),
      ),
    );
    return rows.map((row) => toMedia(row));
  } catch (error) {
    await deleteMediaFiles(written);
    throw error;
  }
}
