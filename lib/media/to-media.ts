import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TMedia } from "./media.types";
import { mediaStorage } from "./storage";

/** The columns a Media answer is built from. */
export const MEDIA_SELECT = {
  id: true,
  kind: true,
  mimeType: true,
  fileKey: true,
  thumbnailKey: true,
  posterKey: true,
  width: true,
  height: true,
  size: true,
  duration: true,
  blurDataUrl: true,
  alt: true,
} satisfies Prisma.MediaSelect;

export type MediaRow = Prisma.MediaGetPayload<{ select: typeof MEDIA_SELECT }>;

/** A row as clients see it: storage keys become URLs of whichever store is configured. */
export function toMedia(row: MediaRow): TMedia {
  const storage = mediaStorage();
  return {
    id: row.id,
    kind: row.kind,
    url: storage.url(row.fileKey),
    thumbnailUrl: storage.url(row.thumbnailKey),
    posterUrl: row.posterKey ? storage.url(row.posterKey) : null,
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
