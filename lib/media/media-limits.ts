import "server-only";
import { env } from "@/lib/config";
import { ACCEPTED_IMAGE_TYPES, ACCEPTED_VIDEO_TYPES, MAX_MEDIA_PER_POST } from "./media.types";

/** What an upload may be, from the environment (see lib/config.ts). */
export function mediaLimits() {
  const config = env();
  return {
    imageBytes: config.MEDIA_IMAGE_MAX_BYTES,
    videoBytes: config.MEDIA_VIDEO_MAX_BYTES,
    maxFilesPerUpload: MAX_MEDIA_PER_POST,
    maxPixels: config.MEDIA_MAX_PIXELS,
  };
}

export const ACCEPTED_TYPES = [...ACCEPTED_IMAGE_TYPES, ...ACCEPTED_VIDEO_TYPES];

/** A whole upload request may be this large: every file at the video limit, plus form overhead. */
export function maxUploadRequestBytes(): number {
  const { videoBytes, imageBytes, maxFilesPerUpload } = mediaLimits();
  return Math.max(videoBytes, imageBytes) * maxFilesPerUpload + 64 * 1024;
}
