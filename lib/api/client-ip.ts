import "server-only";
import { env } from "@/lib/config";

/**
 * The address rate limits are keyed on. Behind a load balancer (TRUST_PROXY) it is the last
 * X-Forwarded-For entry: the one our proxy appended, which a client cannot forge (entries to its
 * left are whatever the client sent). Without a trusted proxy, route handlers get no socket
 * address from Next.js, and client-sent headers can't be believed, so all direct clients share
 * one bucket: that errs on the side of limiting.
 */
export function clientIp(headers: Headers): string {
  if (!env().TRUST_PROXY) return "direct";
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "direct";
}
