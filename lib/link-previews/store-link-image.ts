import "server-only";
import { randomBytes } from "node:crypto";
import { detectMediaType } from "@/lib/media/detect-media-type";
import { mediaLimits } from "@/lib/media/media-limits";
import { processImage } from "@/lib/media/process-image";
import { mediaStorage } from "@/lib/media/storage";
import { fetchPublic, LinkFetchError } from "./fetch-public";

export type StoredLinkImage = { key: string; width: number; height: number };

/**
 * Fetches a page's image under the same rules as the page (fetch-public.ts: public addresses,
 * 5 s, 1 MB) and stores it as uploads are stored: judged by its bytes (JPEG, PNG, WebP, GIF or
 * AVIF only, never SVG), decoded and re-encoded as WebP by the upload pipeline (processImage:
 * metadata stripped, pixel bombs refused), and put in the media store under a fresh key, so
 * readers load it from us and the linked site never sees them.
 */
export async function storeLinkImage(
  imageUrl: string,
  allowHosts: readonly string[],
): Promise<StoredLinkImage> {
  const fetched = await fetchPublic(imageUrl, {
    accept: (type) => type.startsWith("image/"),
    acceptHeader: "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.8",
    allowHosts,
  });
  if (detectMediaType(fetched.body).kind !== "image") {
    throw new LinkFetchError("wrong_type", "the image is not JPEG, PNG, WebP, GIF or AVIF");
  }
  const image = await processImage(fetched.body, mediaLimits().maxPixels);
  // The same key shape as an upload's (store-media.ts), which the local files route serves.
  const key = await mediaStorage().put(
    `${randomBytes(16).toString("hex")}/preview.webp`,
    image.display,
    "image/webp",
  );
  return { key, width: image.width, height: image.height };
}
