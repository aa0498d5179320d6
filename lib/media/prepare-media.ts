import "server-only";
import { ApiError } from "@/lib/api/errors";
import { detectMediaType } from "./detect-media-type";
import { mediaLimits } from "./media-limits";
import { processImage } from "./process-image";
import { processVideo } from "./process-video";
import type { PreparedMedia } from "./store-media";

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Turns one uploaded file into what we store: its type judged from its bytes, its size checked
 * against that type's limit, images re-encoded without metadata, videos remuxed with a poster.
 */
export async function prepareMedia(bytes: Uint8Array, alt: string): Promise<PreparedMedia> {
  const limits = mediaLimits();
  const type = detectMediaType(bytes);
  const limit = type.kind === "image" ? limits.imageBytes : limits.videoBytes;
  if (bytes.byteLength > limit) {
    throw new ApiError(
      "payload_too_large",
      `This ${type.kind} is ${mb(bytes.byteLength)}; the limit for ${type.kind}s is ${mb(limit)}.`,
      { details: { limitBytes: limit } },
    );
  }

  if (type.kind === "image") {
    const image = await processImage(bytes, limits.maxPixels);
    return {
      kind: "image",
      mimeType: "image/webp",
      alt,
      width: image.width,
      height: image.height,
      duration: null,
      blurDataUrl: image.blurDataUrl,
      file: { bytes: image.display, contentType: "image/webp", name: "display.webp" },
      thumbnail: { bytes: image.thumbnail, contentType: "image/webp", name: "thumbnail.webp" },
      poster: null,
    };
  }

  const format = type.mimeType === "video/mp4" ? "mp4" : "webm";
  const video = await processVideo(bytes, format);
  return {
    kind: "video",
    mimeType: type.mimeType,
    alt,
    width: video.width,
    height: video.height,
    duration: video.duration,
    blurDataUrl: video.poster.blurDataUrl,
    file: { bytes: video.video, contentType: type.mimeType, name: `video.${format}` },
    thumbnail: { bytes: video.poster.thumbnail, contentType: "image/webp", name: "thumbnail.webp" },
    poster: { bytes: video.poster.display, contentType: "image/webp", name: "poster.webp" },
  };
}

/** Re-throws a file's error with the file named, so a client knows which of several failed. */
export function blameFile(error: unknown, index: number, name: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const label = name ? `File ${index + 1} (${name})` : `File ${index + 1}`;
  return new ApiError(error.code, `${label}: ${error.message}`, {
    details: { file: index, name, ...(error.details as object | undefined) },
    headers: error.headers,
  });
}
