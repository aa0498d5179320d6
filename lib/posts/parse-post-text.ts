// The one reader of post text: what the server indexes (hashtags, mentions), what the browser
// links when it renders a post (components/posts/rich-text.tsx), and the link a preview is made
// of (firstLink) all come from tokenizePostText, so they never disagree. No "server-only": the
// browser renders with it too.

// One pass, left to right, links first: a "#" or "@" inside a link stays part of the link (so
// "https://x.org/#top" is no hashtag and "https://x.org/@ada" mentions nobody).
// - Links: "http://" or "https://", or a bare "www." not glued to a preceding word, path or
//   address ("mail.www.x" or "x/www.y" are not links). Trailing punctuation is trimmed below.
// - Hashtags: '#' then a letter, then letters, digits or underscores (unicode-aware), not glued
//   to a preceding word character (so "C#" or "a#b" are not tags).
// - Mentions: '@' and a username, not part of an email address.
const TOKEN =
  /(?<url>(?<![\p{L}\p{N}_])https?:\/\/[^\s<>"]+|(?<![\p{L}\p{N}_./@:-])www\.[^\s<>"]+)|(?<![\p{L}\p{N}_#&])#(?<tag>\p{L}[\p{L}\p{N}_]{0,49})|(?<![\p{L}\p{N}_@.])@(?<mention>[a-zA-Z0-9_]{3,30})\b/giu;

// Punctuation that ends a sentence rather than a link: "see https://example.com." or "(www.x.org)".
const TRAILING = /[.,:;!?'"*]+$/;

const MAX_EACH = 20;

export type TPostTextSegment =
  | { type: "text"; text: string }
  | { type: "url"; text: string; href: string }
  | { type: "tag"; text: string; tag: string }
  | { type: "mention"; text: string; username: string };

/** Trims what follows a link but isn't part of it: closing punctuation, an unmatched ")". */
function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, "");
    for (const [open, close] of [
      ["(", ")"],
      ["[", "]"],
    ] as const) {
      if (url.endsWith(close) && url.split(close).length > url.split(open).length) {
        url = url.slice(0, -1);
      }
    }
    if (url === before) return url;
  }
}

/** The address a link's text points at: only http(s), with a dotted host; null otherwise. */
function webHref(text: string): string | null {
  const candidate = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname.includes(".")) return null;
    // The text as written (a bare "www." gains its scheme), not URL's normalised form, so what
    // a reader sees is what they open.
    return candidate;
  } catch {
    return null;
  }
}

/**
 * Post text as plain text, links, hashtags and mentions, in order. Every hashtag and mention is
 * returned; a renderer decides which to link (the server's indexed ones).
 */
export function tokenizePostText(text: string): TPostTextSegment[] {
  const segments: TPostTextSegment[] = [];
  let plain = "";
  let index = 0;
  const flush = () => {
    if (plain) segments.push({ type: "text", text: plain });
    plain = "";
  };

  for (const match of text.matchAll(TOKEN)) {
    const { url, tag, mention } = match.groups ?? {};
    plain += text.slice(index, match.index);
    index = match.index + match[0].length;

    if (url) {
      const linkText = trimUrl(url);
      const href = webHref(linkText);
      if (href) {
        flush();
        segments.push({ type: "url", text: linkText, href });
        // What trimming took off the end is plain text again.
        plain += url.slice(linkText.length);
        continue;
      }
    } else if (tag) {
      flush();
      segments.push({ type: "tag", text: match[0], tag: tag.toLowerCase() });
      continue;
    } else if (mention) {
      flush();
      segments.push({ type: "mention", text: match[0], username: mention.toLowerCase() });
      continue;
    }
    plain += match[0];
  }
  plain += text.slice(index);
  flush();
  return segments;
}

/** Hashtags (lower-cased, without '#') and mentioned usernames in a post, each once. */
export function parsePostText(text: string): { hashtags: string[]; mentions: string[] } {
  const hashtags = new Set<string>();
  const mentions = new Set<string>();
  for (const segment of tokenizePostText(text)) {
    if (segment.type === "tag" && hashtags.size < MAX_EACH) hashtags.add(segment.tag);
    if (segment.type === "mention" && mentions.size < MAX_EACH) mentions.add(segment.username);
  }
  return { hashtags: [...hashtags], mentions: [...mentions] };
}

/** The first link in a post's text (its href, always http or https), or null. */
export function firstLink(text: string): string | null {
  const link = tokenizePostText(text).find((segment) => segment.type === "url");
  return link?.type === "url" ? link.href : null;
}
