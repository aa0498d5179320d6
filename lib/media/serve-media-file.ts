import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { mediaFileHeaders, PUBLIC_MEDIA_CACHE, serveLocalFile } from "./serve-local-file";
import { MEDIA_VARIANTS, type MediaVariant, verifyMediaSignature } from "./signed-media-url";
import { localUploadsDir, mediaStorage } from "./storage";

const PROXY_TIMEOUT_MS = 60_000;
const PROXIED_TYPES = new Set(["image/webp", "video/mp4", "video/webm"]);

type Signature = { expires: string | null; signature: string | null };

/**
 * `GET /api/media/files/{path}`. Unsigned, `path` is a local storage key, served publicly and
 * cached forever, unless the file belongs to a paid post: then it is 403, whoever asks, and its
 * buyers and author fetch it through a signed URL (signed-media-url.ts), where `path` is
 * `{mediaId}/{variant}`, answered with `Cache-Control: private` for no longer than the signature
 * lasts: from local disk, or proxied from UploadThing (whose own URLs are public, and whose keys
 * for paid files are never sent to anyone but their uploader).
 */
export async function serveMediaFile(
  path: string,
  sig: Signature,
  req: Request,
): Promise<Response> {
  if (sig.expires === null && sig.signature === null) {
    if (await belongsToPaidPost(path)) {
      throw new ApiError(
        "forbidden",
        "This file belongs to a paid post: its buyers and author get a signed link with the post.",
      );
    }
    return serveLocalFile(localUploadsDir(), path, req, PUBLIC_MEDIA_CACHE);
  }

  const left = verifyMediaSignature(path, sig.expires, sig.signature);
  if (left === null) {
    throw new ApiError(
      "forbidden",
      "This link is invalid or has expired: open the post again for a fresh one.",
    );
  }
  const key = await storageKeyOf(path);
  const cacheControl = `private, max-age=${left}`;
  if (mediaStorage().provider === "local") {
    return serveLocalFile(localUploadsDir(), key, req, cacheControl);
  }
  return proxy(mediaStorage().url(key), req, cacheControl);
}

/**
 * Whether a local key's media is on a paid post. Media uploaded since signed URLs exist have the
 * key's directory as their id (store-media.ts), so this is a primary-key lookup; older keys match
 * no id and stay public as they always were.
 */
async function belongsToPaidPost(key: string): Promise<boolean> {
  const id = key.split("/")[0] ?? "";
  if (!/^[a-f0-9]{32}$/.test(id)) return false;
  const media = await db.media.findUnique({
    where: { id },
    select: { post: { select: { priceAmount: true } } },
  });
  return media?.post?.priceAmount != null;
}

async function storageKeyOf(path: string): Promise<string> {
  const notFound = new ApiError("not_found", "No such file.");
  const [id, variant, ...rest] = path.split("/");
  if (!id || rest.length > 0 || !MEDIA_VARIANTS.includes(variant as MediaVariant)) throw notFound;
  const media = await db.media.findUnique({
    where: { id },
    select: { fileKey: true, thumbnailKey: true, posterKey: true },
  });
  const key = media
    ? { file: media.fileKey, thumbnail: media.thumbnailKey, poster: media.posterKey }[
        variant as MediaVariant
      ]
    : null;
  if (!key) throw notFound;
  return key;
}

/** A file from UploadThing passed through as it streams (ranges too), with our headers. */
async function proxy(url: string, req: Request, cacheControl: string): Promise<Response> {
  const range = req.headers.get("range");
  const upstream = await fetch(url, {
    method: req.method === "HEAD" ? "HEAD" : "GET",
    headers: range ? { range } : {},
    signal: AbortSignal.timeout(PROXY_TIMEOUT_MS),
  }).catch(() => null);
  if (upstream?.status === 404) throw new ApiError("not_found", "No such file.");
  if (!upstream || (!upstream.ok && upstream.status !== 416)) {
    await upstream?.body?.cancel();
    throw new ApiError("service_unavailable", "Media storage is unavailable. Try again shortly.", {
      headers: { "Retry-After": "10" },
    });
  }
  const type = upstream.headers.get("content-type")?.split(";")[0] ?? "";
  const headers = mediaFileHeaders(
    PROXIED_TYPES.has(type) ? type : "application/octet-stream",
    cacheControl,
  );
  for (const name of ["content-length", "content-range", "etag", "last-modified"]) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(req.method === "HEAD" ? null : upstream.body, {
    status: upstream.status,
    headers,
  });
}
