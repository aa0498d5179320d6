// The test-only allowlist of the link-preview fetcher (LINK_PREVIEW_ALLOW_HOSTS), parsed by
// lib/config.ts at start-up and read by address-rules.ts. No imports: config.ts loads it.

/** `url`'s host and port as an allowlist entry names them: `host:port`, `[::1]:port`. */
export function hostAndPort(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname}:${port}`;
}

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * Parses LINK_PREVIEW_ALLOW_HOSTS: comma-separated `host:port` entries whose host is loopback
 * (localhost, 127.x.x.x, [::1]) and whose port is explicit. Throws on anything else, so the
 * allowlist can never open the way to a private network or the internet's other hosts.
 */
export function parseAllowHosts(value: string): string[] {
  const entries = value
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    const match = /^(.+):(\d{1,5})$/.exec(entry);
    const port = Number(match?.[2]);
    if (!match || !LOOPBACK_HOST.test(match[1]!) || port < 1 || port > 65535) {
      throw new Error(`"${entry}" is not a loopback host:port`);
    }
  }
  return entries;
}
