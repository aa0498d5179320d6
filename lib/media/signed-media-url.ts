import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/auth-secret";
import { LOCAL_FILES_PATH } from "./storage/local-storage";

/** The files of one media row, as signed URLs name them. */
export type MediaVariant = "file" | "thumbnail" | "poster";
export const MEDIA_VARIANTS: readonly MediaVariant[] = ["file", "thumbnail", "poster"];

// A signed URL lives an hour or a little more: the expiry is rounded up to ten minutes, so pages
// rendered within those ten minutes name the same URL and the browser's private cache serves it.
const LIFETIME_S = 60 * 60;
const ROUND_S = 10 * 60;

const signature = (path: string, expires: number) =>
  createHmac("sha256", authSecret()).update(`media-file:${path}:${expires}`).digest("base64url");

/**
 * The URL a paid post's buyers and author get for one of its files (never a public, immutable
 * one): the app's files route with an expiry and an HMAC of both, keyed with the app's secret.
 * The path names the media by id and variant, not by storage key, so the same URL works for
 * either store (lib/media/serve-signed-media.ts).
 */
export function signedMediaUrl(mediaId: string, variant: MediaVariant, now = Date.now()): string {
  const path = `${mediaId}/${variant}`;
  const expires = Math.ceil((now / 1000 + LIFETIME_S) / ROUND_S) * ROUND_S;
  return `${LOCAL_FILES_PATH}/${path}?expires=${expires}&signature=${signature(path, expires)}`;
}

/**
 * Seconds the signature on `path` has left, or null when it is missing, wrong, or expired.
 */
export function verifyMediaSignature(
  path: string,
  expiresParam: string | null,
  signatureParam: string | null,
  now = Date.now(),
): number | null {
  if (!expiresParam || !signatureParam || !/^\d{1,12}$/.test(expiresParam)) return null;
  const expires = Number(expiresParam);
  const left = expires - Math.floor(now / 1000);
  if (left <= 0) return null;
  const expected = Buffer.from(signature(path, expires));
  const given = Buffer.from(signatureParam);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return left;
}
