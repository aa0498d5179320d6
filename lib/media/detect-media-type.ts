import "server-only";
import { ApiError } from "@/lib/api/errors";

export type DetectedType =
  | {
      kind: "image";
      mimeType: "image/jpeg" | "image/png" | "image/webp" | "image/gif" | "image/avif";
    }
  | { kind: "video"; mimeType: "video/mp4" | "video/webm" };

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.subarray(start, end)).toString("latin1");

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

// ISO base media files ("ftyp" box): the brands say AVIF, MP4 or something we don't take
// (HEIC photos, QuickTime .mov).
const AVIF_BRANDS = new Set(["avif", "avis"]);
const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso3",
  "iso4",
  "iso5",
  "iso6",
  "iso7",
  "iso8",
  "iso9",
  "mp41",
  "mp42",
  "mp71",
  "avc1",
  "M4V ",
  "M4VH",
  "M4VP",
  "dash",
  "MSNV",
  "NDAS",
  "f4v ",
]);

function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return null;
  const size = Math.min(Buffer.from(bytes).readUInt32BE(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(bytes, i, i + 4));
  return brands;
}

/**
 * The type the bytes themselves show (magic numbers), whatever the file's name or declared type
 * say. Anything we can't store answers 415.
 */
export function detectMediaType(bytes: Uint8Array): DetectedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "image", mimeType: "image/jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: "image", mimeType: "image/png" };
  }
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") {
    return { kind: "image", mimeType: "image/gif" };
  }
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") {
    return { kind: "image", mimeType: "image/webp" };
  }
  const brands = ftypBrands(bytes);
  if (brands?.some((b) => AVIF_BRANDS.has(b))) return { kind: "image", mimeType: "image/avif" };
  if (brands?.some((b) => MP4_BRANDS.has(b))) return { kind: "video", mimeType: "video/mp4" };
  // Matroska's EBML header, with "webm" as its DocType.
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(bytes, 0, 64).includes("webm")) {
    return { kind: "video", mimeType: "video/webm" };
  }
  throw new ApiError(
    "unsupported_media_type",
    "This file is not a supported image or video (JPEG, PNG, WebP, GIF, AVIF, MP4 or WebM), whatever its name says.",
  );
}
