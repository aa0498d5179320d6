import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { ApiError } from "@/lib/api/errors";
import { localPath } from "./storage/local-storage";

const CONTENT_TYPES: Record<string, string> = {
  webp: "image/webp",
  mp4: "video/mp4",
  webm: "video/webm",
};

type Range = { start: number; end: number };

/**
 * The single byte range a `Range` header asks for: null to send the whole file (no header, a
 * unit other than bytes, or several ranges, which we may answer in full), "unsatisfiable" for 416.
 */
export function parseRange(header: string | null, size: number): Range | null | "unsatisfiable" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match;
  if (from === "" && to === "") return null;
  if (from === "") {
    // The last N bytes.
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/** What every media file answer carries, so a browser treats it as an image or video and no more. */
export function mediaFileHeaders(type: string, cacheControl: string): Headers {
  return new Headers({
    "content-type": type,
    "cache-control": cacheControl,
    "accept-ranges": "bytes",
    "x-content-type-options": "nosniff",
    // Opened on its own, the file may show itself and nothing else: no scripts, no requests.
    "content-security-policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
    "content-disposition": /^(image|video)\//.test(type) ? "inline" : "attachment",
    "cross-origin-resource-policy": "cross-origin",
  });
}

/** Keys are never reused, so a public file may be cached anywhere, forever. */
export const PUBLIC_MEDIA_CACHE = "public, max-age=31536000, immutable";

/**
 * A locally stored media file, as a CDN would serve it: immutable caching (keys are never
 * reused) unless `cacheControl` says otherwise (a paid post's files: private), an ETag, byte
 * ranges for video seeking, and headers that keep a browser from treating it as anything but an
 * image or video. Unknown keys and anything outside the uploads directory are 404.
 */
export async function serveLocalFile(
  root: string,
  key: string,
  req: Request,
  cacheControl = PUBLIC_MEDIA_CACHE,
): Promise<Response> {
  const file = localPath(root, key);
  const notFound = new ApiError("not_found", "No such file.");
  if (!file) throw notFound;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw notFound;

  const type = CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
  const etag = `"${createHash("sha256").update(`${key}:${info.size}`).digest("base64url").slice(0, 27)}"`;
  const headers = mediaFileHeaders(type, cacheControl);
  headers.set("etag", etag);

  if (
    req.headers
      .get("if-none-match")
      ?.split(",")
      .some((tag) => tag.trim() === etag)
  ) {
    return new Response(null, { status: 304, headers });
  }

  // If-Range with another validator means the client's copy is stale: send it all.
  const ifRange = req.headers.get("if-range");
  const range =
    ifRange && ifRange !== etag ? null : parseRange(req.headers.get("range"), info.size);
  if (range === "unsatisfiable") {
    headers.set("content-range", `bytes */${info.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  const length = info.size === 0 ? 0 : end - start + 1;
  headers.set("content-length", String(length));
  if (range) headers.set("content-range", `bytes ${start}-${end}/${info.size}`);
  const body =
    req.method === "HEAD" || length === 0
      ? null
      : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}
