// No `server-only`: lib/payments/paid-post.ts (run by scripts/bench.ts through raw `pg`) asks
// whether a locked post's preview text still shows its link.

const MAX_URL_LENGTH = 2048;

/**
 * The form a link is stored and shared under: http(s) only, no credentials, no fragment (the
 * page is the same), the host lower-cased and the default port dropped (WHATWG URL does both).
 * Null for anything else. The query is kept: it often picks the page.
 */
export function normalizeLinkUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || !url.hostname) return null;
  url.hash = "";
  const normalized = url.toString();
  return normalized.length <= MAX_URL_LENGTH ? normalized : null;
}
