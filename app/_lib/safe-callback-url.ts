/**
 * Where to go after signing in: a path on this site, never another origin (an open redirect
 * would let a link to our sign-in page send people to a look-alike). next-auth hands over
 * absolute URLs of our own origin, so those are accepted when their host is ours.
 */
export function safeCallbackPath(raw: string | null | undefined, ourHost: string | null): string {
  if (!raw) return "/";
  if (raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\")) return raw;
  try {
    const url = new URL(raw);
    if (ourHost && url.host === ourHost && /^https?:$/.test(url.protocol)) {
      return `${url.pathname}${url.search}${url.hash}`;
    }
  } catch {
    // Not a URL at all.
  }
  return "/";
}
