// No `server-only`: lib/payments/paid-post.ts (run by scripts/bench.ts through raw `pg`) asks
// whether a locked post's preview text still shows its link.
//
// A minimal link finder until lib/posts/parse-post-text.ts learns links (the composer's part of
// issue 15); then this should become that module's `firstLink`.

// "http://" or "https://" not glued to a preceding word character, then anything up to
// whitespace or a character that can't be part of a bare link in prose.
const LINK = /(?<![\p{L}\p{N}_])https?:\/\/[^\s<>"'`]+/giu;
// Punctuation that ends a sentence or closes a bracket, not the link.
const TRAILING = /[.,:;!?)\]}'"»]+$/u;

/** The first http(s) link in a post's text, as written (not normalized), or null. */
export function firstLink(text: string): string | null {
  for (const match of text.matchAll(LINK)) {
    let link = match[0].replace(TRAILING, "");
    // A closing parenthesis belongs to the link when the link opened one (Wikipedia style).
    const opened = (link.match(/\(/g) ?? []).length;
    const closed = (link.match(/\)/g) ?? []).length;
    const rest = match[0].slice(link.length);
    if (opened > closed && rest.startsWith(")")) link += ")";
    if (/^https?:\/\/[^/?#]+/i.test(link)) return link;
  }
  return null;
}
