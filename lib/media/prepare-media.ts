import "server-only";
import { ApiError } from "@/lib/api/errors";
import { detectMediaType } from "./detect-media-type";
import { mediaLimits } from "./media-limits";
import { processImage } from "./process-image";
import { processVideo } from "./process-video";
import type { UploadedFile } from "./read-upload-form";
import type { PreparedMedia } from "./store-media";

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** 413 for a file over its type's limit (`kind` null: the type isn't known yet). */
export function tooLargeForType(kind: "image" | "video" | null, limit: number): ApiError {
  const message = kind
    ? `This ${kind} is over the limit for ${kind}s, ${mb(limit)}.`
    : `It is over the upload limit of ${mb(limit)}.`;
  return new ApiError("payload_too_large", message, { details: { limitBytes: limit } });
}

/**
 * Turns one uploaded file into what we store: its type judged from its bytes, its size checked
 * against that type's limit, images re-encoded without metadata, videos remuxed with a poster.
 * `source` is the file's bytes, or a file on disk already judged and counted by
 * read-upload-form.ts (so a large video never passes through memory whole on its way in).
 */
export async function prepareMedia(
  source: Uint8Array | UploadedFile,
  alt: string,
): Promise<PreparedMedia> {
  const limits = mediaLimits();
  const onDisk = !(source instanceof Uint8Array);
  const type = onDisk ? source.type : detectMediaType(source);
  const size = onDisk ? source.size : source.byteLength;
  const input = onDisk ? source.path : source;
  const limit = type.kind === "image" ? limits.imageBytes : limits.videoBytes;
  if (size > limit) throw tooLargeForType(type.kind, limit);

  if (type.kind === "image") {
    const image = await processImage(input, limits.maxPixels);
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
  const video = await processVideo(input, format);
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
