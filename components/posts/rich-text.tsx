import Link from "next/link";
import type { ReactNode } from "react";
import { tokenizePostText, type TPostTextSegment } from "@/lib/posts/parse-post-text";

const URL_DISPLAY_MAX = 48;

export type Segment = TPostTextSegment;

/**
 * Splits post text into plain text, links, hashtags and mentions with the server's own parser,
 * so what is linked here is what the server indexed. Hashtags are linked when the server indexed
 * them (`hashtags`, or every tag when not given); mentions only when the server says the user
 * exists (`mentions`), so "@nobody" stays plain text.
 */
export function tokenize(text: string, hashtags?: string[], mentions?: string[]): Segment[] {
  const tags = hashtags ? new Set(hashtags.map((t) => t.toLowerCase())) : null;
  const users = new Set((mentions ?? []).map((m) => m.toLowerCase()));
  const segments: Segment[] = [];
  for (const segment of tokenizePostText(text)) {
    const linked =
      segment.type === "url" ||
      (segment.type === "tag" && (!tags || tags.has(segment.tag))) ||
      (segment.type === "mention" && users.has(segment.username));
    const last = segments.at(-1);
    if (linked) segments.push(segment);
    else if (last?.type === "text") last.text += segment.text;
    else segments.push({ type: "text", text: segment.text });
  }
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
