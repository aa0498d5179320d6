import "server-only";
import type { MediaRow } from "./media-select";
import type { TMedia } from "./media.types";
import { type MediaVariant, signedMediaUrl } from "./signed-media-url";
import { mediaStorage } from "./storage";

/**
 * A row as clients see it: storage keys become URLs of whichever store is configured, public and
 * cached forever; with `signed` (a paid post's media, for its buyers and author) signed URLs
 * that expire instead.
 */
export function toMedia(row: MediaRow, { signed = false }: { signed?: boolean } = {}): TMedia {
  const storage = mediaStorage();
  const url = (key: string, variant: MediaVariant) =>
    signed ? signedMediaUrl(row.id, variant) : storage.url(key);
  return {
    id: row.id,
    kind: row.kind,
    url: url(row.fileKey, "file"),
    thumbnailUrl: url(row.thumbnailKey, "thumbnail"),
    posterUrl: row.posterKey ? url(row.posterKey, "poster") : null,
    width: row.width,
    height: row.height,
    blurDataUrl: row.blurDataUrl,
    alt: row.alt,
    mimeType: row.mimeType,
    size: row.size,
    duration: row.duration,
  };
}

/** A stored key as a URL, for rows that carry only the key (avatars, banners). */
export function mediaUrl(key: string | null | undefined): string | null {
  return key ? mediaStorage().url(key) : null;
}
