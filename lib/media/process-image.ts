import "server-only";
import sharp, { type Metadata, type Sharp } from "sharp";
import { ApiError } from "@/lib/api/errors";
import { createPixelBudget } from "./image-work-limit";

export const DISPLAY_MAX_SIDE = 2048;
export const THUMBNAIL_MAX_SIDE = 400;
const BLUR_SIDE = 16;

// libvips keeps recent operations and their pixels (up to 50 MB) for reuse; we never render the
// same image twice, so that memory would only add to each upload's cost.
sharp.cache(false);

// Pixels decoded at once across the process: one maximum-size image (MEDIA_MAX_PIXELS defaults
// to 50 MP, ~150 MB as RGB while it is rotated and resized), or several smaller ones side by side.
// Four concurrent 50 MP uploads then add about what one does, not four times it.
const PIXEL_BUDGET = 50_000_000;
const withPixels = createPixelBudget(PIXEL_BUDGET);

/** What every image (and every video poster) is stored as. */
export type ImageVariants = {
  display: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
  blurDataUrl: string;
};

function unreadable(error: unknown): ApiError {
  const message = error instanceof Error ? error.message : "";
  if (/pixel limit/i.test(message)) return tooManyPixels();
  if (/premature end|truncated|unexpected end/i.test(message)) {
    return new ApiError("unprocessable", "The image is truncated: only part of the file arrived.");
  }
  return new ApiError("unprocessable", "The image could not be read: the file is corrupt.");
}

function tooManyPixels(width?: number, height?: number, maxPixels?: number): ApiError {
  const size = width && height ? ` (${width} x ${height})` : "";
  const limit = maxPixels ? ` The limit is ${Math.round(maxPixels / 1e6)} megapixels.` : "";
  return new ApiError("unprocessable", `The image has too many pixels${size}.${limit}`);
}

/**
 * Decodes an image (JPEG, PNG, WebP, GIF's first frame, AVIF) and renders what we store: a
 * display size and a thumbnail in WebP, and a tiny blurred placeholder. `.rotate()` applies the
 * EXIF orientation, and sharp writes no metadata (EXIF, GPS, XMP) unless asked, so none of the
 * camera's survives. A decompression bomb is refused from its header before any pixel is
 * decoded (and `limitInputPixels` stops one whose header lies). `bytes` may be a file's path:
 * libvips then reads it from disk as it decodes. Decoding waits for its share of the pixel
 * budget above.
 */
export async function processImage(
  bytes: Uint8Array | string,
  maxPixels: number,
): Promise<ImageVariants> {
  // failOn "error": a truncated or corrupt file fails, the harmless warnings phones cause don't.
  const open = () => sharp(bytes, { limitInputPixels: maxPixels, failOn: "error", pages: 1 });

  let meta: Metadata;
  try {
    // Reads the header only, so the size can be judged (and named) before anything is decoded.
    meta = await sharp(bytes, { limitInputPixels: false, pages: 1 }).metadata();
  } catch (error) {
    throw unreadable(error);
  }
  if (!meta.width || !meta.height) throw unreadable(null);
  if (meta.width * meta.height > maxPixels) throw tooManyPixels(meta.width, meta.height, maxPixels);

  return withPixels(meta.width * meta.height, () => render(open));
}

async function render(open: () => Sharp): Promise<ImageVariants> {
  try {
    const display = await open()
      .rotate()
      .resize(DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    // The smaller renditions come from the display image: already rotated, much faster to decode.
    const thumbnail = await sharp(display.data)
      .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    const blur = await sharp(display.data)
      .resize(BLUR_SIDE, BLUR_SIDE, { fit: "inside" })
      .webp({ quality: 40 })
      .toBuffer();
    return {
      display: display.data,
      thumbnail,
      width: display.info.width,
      height: display.info.height,
      blurDataUrl: `data:image/webp;base64,${blur.toString("base64")}`,
    };
  } catch (error) {
    throw unreadable(error);
  }
}
