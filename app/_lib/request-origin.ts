import "server-only";
import { headers } from "next/headers";

/**
 * This site's origin as the browser addressed it, to tell our own absolute URLs from others'
 * (safeCallbackPath). Only ever compared with, never redirected to, so a forged Host header can
 * at worst make the caller's own link fall back to "/".
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}
