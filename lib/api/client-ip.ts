import "server-only";
import { env } from "@/lib/config";

/**
 * The address rate limits are keyed on. X-Forwarded-For is only believed behind a proxy we
 * were told about (TRUST_PROXY), since any client can send it.
 */
export function clientIp(headers: Headers): string {
  if (env().TRUST_PROXY) {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
    const real = headers.get("x-real-ip")?.trim();
    if (real) return real;
  }
  // Without a trusted proxy Next.js gives route handlers no socket address; every direct client
  // shares one bucket per route policy, which errs on the side of limiting.
  return headers.get("x-real-ip")?.trim() || "direct";
}
