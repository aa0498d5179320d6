import Link from "next/link";
import type { ReactNode } from "react";

// The same hashtag and mention rules as the server's parser (lib/posts/parse-post-text.ts), so
// what is linked here is what the server indexed; URLs come first so a "#" inside one stays
// part of the link.
const TOKEN =
  /(?<url>\bhttps?:\/\/[^\s<>"]+)|(?<![\p{L}\p{N}_#&])#(?<tag>\p{L}[\p{L}\p{N}_]{0,49})|(?<![\p{L}\p{N}_@.])@(?<mention>[a-zA-Z0-9_]{3,30})\b/gu;

// Punctuation that ends a sentence rather than a URL: "see https://example.com." or "(https://x.y)".
const TRAILING = /[.,:;!?'"]+$/;
const URL_DISPLAY_MAX = 48;

export type Segment =
  | { type: "text"; text: string }
  | { type: "url"; text: string; href: string }
  | { type: "tag"; text: string; tag: string }
  | { type: "mention"; text: string; username: string };

/** Trims what follows a URL but isn't part of it: closing punctuation, an unmatched ")". */
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

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/**
 * Splits post text into plain text, links, hashtags and mentions. Hashtags are linked when the
 * server indexed them (`hashtags`, or every tag when not given); mentions only when the server
 * says the user exists (`mentions`), so "@nobody" stays plain text.
 */
export function tokenize(text: string, hashtags?: string[], mentions?: string[]): Segment[] {
  const tags = hashtags ? new Set(hashtags.map((t) => t.toLowerCase())) : null;
  const users = new Set((mentions ?? []).map((m) => m.toLowerCase()));
  const segments: Segment[] = [];
  let plain = "";
  let index = 0;
  const flush = () => {
    if (plain) segments.push({ type: "text", text: plain });
    plain = "";
  };

  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const { url, tag, mention } = match.groups ?? {};
    plain += text.slice(index, start);
    index = start + match[0].length;

    if (url) {
      const href = trimUrl(url);
      if (isWebUrl(href)) {
        flush();
        segments.push({ type: "url", text: href, href });
        // What trimming took off the end is plain text again.
        plain += url.slice(href.length);
        continue;
      }
    } else if (tag && (!tags || tags.has(tag.toLowerCase()))) {
      flush();
      segments.push({ type: "tag", text: match[0], tag: tag.toLowerCase() });
      continue;
    } else if (mention && users.has(mention.toLowerCase())) {
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

export function hashtagSearchHref(tag: string): string {
  return `/search?q=${encodeURIComponent(`#${tag}`)}&tab=posts`;
}

function displayUrl(href: string): string {
  const short = href.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, "");
  return short.length > URL_DISPLAY_MAX ? `${short.slice(0, URL_DISPLAY_MAX - 1)}…` : short;
}

const linkClassName =
  "rounded font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:underline";

export type RichTextProps = {
  text: string;
  hashtags?: string[];
  mentions?: string[];
  className?: string;
};

/**
 * Post or comment text with its links, #hashtags and @mentions made into links: built from
 * React elements, so the text is never parsed as HTML. Line breaks are kept.
 */
export function RichText({ text, hashtags, mentions, className = "" }: RichTextProps) {
  const parts: ReactNode[] = tokenize(text, hashtags, mentions).map((segment, i) => {
    switch (segment.type) {
      case "text":
        return segment.text;
      case "url":
        return (
          <a
            key={i}
            href={segment.href}
            rel="noopener nofollow ugc"
            target="_blank"
            title={segment.href}
            className={linkClassName}
          >
            {displayUrl(segment.href)}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        );
      case "tag":
        return (
          <Link key={i} href={hashtagSearchHref(segment.tag)} className={linkClassName}>
            {segment.text}
          </Link>
        );
      case "mention":
        return (
          <Link key={i} href={`/u/${segment.username}`} className={linkClassName}>
            {segment.text}
          </Link>
        );
    }
  });
  return (
    <div className={`whitespace-pre-wrap break-words [overflow-wrap:anywhere] ${className}`}>
      {parts}
    </div>
  );
}
