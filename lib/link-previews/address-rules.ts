import "server-only";
import type { Agent } from "node:http";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { hostAndPort } from "./allow-hosts";

// Where the link-preview fetcher may connect. The agents below check the address a socket is
// about to connect to, after DNS, on every connection (so every redirect hop too): a name that
// resolves to a private address, or a rebinding trick, is refused as the address it really is.
// request-filtering-agent lets only "unicast" through: loopback, private (10/8, 172.16/12,
// 192.168/16, fc00::/7), link-local (169.254/16, where cloud metadata lives, and fe80::/10),
// CGNAT (100.64/10), unspecified, multicast, reserved and IPv4-mapped IPv6 are all refused.

/** Whether `address` (an IP literal) is one the fetcher may connect to: public unicast only. */
export function isPublicAddress(address: string): boolean {
  if (!isIP(address)) return false;
  try {
    return ipaddr.parse(address).range() === "unicast";
  } catch {
    return false;
  }
}

const publicHttp = new RequestFilteringHttpAgent({ keepAlive: false });
const publicHttps = new RequestFilteringHttpsAgent({ keepAlive: false });

// For allowlisted test servers: loopback, and still nothing else private.
const LOOPBACK = ["127.0.0.0/8", "::1/128"];
const loopbackHttp = new RequestFilteringHttpAgent({
  keepAlive: false,
  allowIPAddressList: LOOPBACK,
});
const loopbackHttps = new RequestFilteringHttpsAgent({
  keepAlive: false,
  allowIPAddressList: LOOPBACK,
});

/**
 * The agent a request to `url` goes through: the public-only one, or, when `allowHosts` (the
 * test-only LINK_PREVIEW_ALLOW_HOSTS, loopback entries only) names its exact host and port, one
 * that also lets loopback through.
 */
export function agentFor(url: URL, allowHosts: readonly string[]): Agent {
  const https = url.protocol === "https:";
  if (allowHosts.includes(hostAndPort(url))) return https ? loopbackHttps : loopbackHttp;
  return https ? publicHttps : publicHttp;
}
