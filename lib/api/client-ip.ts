import "server-only";
import { isIPv4, isIPv6 } from "node:net";
import { env } from "@/lib/config";

/**
 * The header the request hook (install-client-address-hook.ts) stamps with the socket's address.
 * Its value starts with a token made when the hook was installed, so a client can't forge it: a
 * request without the right token arrived before the hook was in place.
 */
export const PEER_HEADER = "x-grover-peer";

// Shared through globalThis: instrumentation and the route handlers are separate bundles.
const holder = globalThis as unknown as { __groverPeerToken?: string };

export function setPeerToken(token: string) {
  holder.__groverPeerToken = token;
}

/** Requests whose address can't be known share this bucket, which errs on the side of limiting. */
const UNKNOWN = "unknown";

/** `::ffff:127.0.0.2` is the IPv4 client 127.0.0.2 reaching a dual-stack socket. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

// One IPv6 subscriber usually holds a whole /64, so an address within it is no new client (as
// Mastodon throttles IPv6 by /64).
function ipv6Prefix64(address: string): string {
  const bare = address.split("%")[0]!;
  const [head = "", tail] = bare.split("::");
  const groups = (part: string) =>
    part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : [];
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/** The rate-limit bucket of an address: itself for IPv4, its /64 for IPv6. */
export function addressBucket(address: string): string {
  const normalized = normalizeAddress(address);
  if (isIPv4(normalized)) return normalized;
  if (isIPv6(normalized)) return ipv6Prefix64(normalized);
  return UNKNOWN;
}

/**
 * The entry of a comma-separated forwarding header that the outermost of `hops` trusted proxies
 * wrote: the `hops`th from the right. Entries further left are whatever the client sent. With
 * fewer entries than hops, the leftmost is the best we know.
 */
export function forwardedEntry(header: string | null, hops: number): string | undefined {
  const entries = (header ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)];
}

/**
 * The bucket rate limits key on. Without a trusted proxy, the socket's own address as the request
 * hook stamped it (X-Forwarded-For from a client means nothing). Behind TRUST_PROXY=N proxies, the
 * address the outermost one saw.
 */
export function clientIp(headers: Headers): string {
  const hops = env().TRUST_PROXY;
  if (hops > 0) return addressBucket(forwardedEntry(headers.get("x-forwarded-for"), hops) ?? "");
  const token = holder.__groverPeerToken;
  const stamp = headers.get(PEER_HEADER);
  if (!token || !stamp?.startsWith(`${token} `)) return UNKNOWN;
  return addressBucket(stamp.slice(token.length + 1));
}

/** The host this request was addressed to: the proxy's X-Forwarded-Host only when one is trusted. */
export function requestHost(headers: Headers): string | null {
  const hops = env().TRUST_PROXY;
  const forwarded = hops > 0 ? forwardedEntry(headers.get("x-forwarded-host"), hops) : undefined;
  return forwarded ?? headers.get("host");
}
