import { Parser } from "htmlparser2";

export type PageMetadata = {
  title: string | null;
  description: string | null;
  siteName: string | null;
  /** Absolute http(s) URL of the page's image, or null. */
  imageUrl: string | null;
};

const MAX = { title: 200, description: 500, siteName: 100 } as const;

// Tags read in order of preference: Open Graph, then Twitter Card, then plain HTML.
const TITLE = ["og:title", "twitter:title"];
const DESCRIPTION = ["og:description", "twitter:description", "description"];
const SITE_NAME = ["og:site_name", "application-name"];
const IMAGE = [
  "og:image",
  "og:image:secure_url",
  "og:image:url",
  "twitter:image",
  "twitter:image:src",
];

/**
 * What a page says about itself for a link card: its Open Graph or Twitter Card tags, falling
 * back to <title> and <meta name="description">. Reads the <head> only (everything before
 * <body>), trims and shortens each value, and resolves the image against the page's URL (or
 * its <base href>); an image that isn't http(s) is dropped.
 */
export function extractMetadata(html: string, pageUrl: string): PageMetadata {
  const meta = new Map<string, string>();
  let title = "";
  let inTitle = false;
  let base: string | null = null;
  let done = false;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (done) return;
        if (name === "body") done = true;
        else if (name === "title") inTitle = true;
        else if (name === "base" && attrs.href && base === null) base = attrs.href;
        else if (name === "meta") {
          const key = (attrs.property ?? attrs.name ?? "").trim().toLowerCase();
          // The first of a repeated tag wins (og:image may list several images).
          if (key && attrs.content !== undefined && !meta.has(key)) meta.set(key, attrs.content);
        }
      },
      ontext(text) {
        if (inTitle && !done) title += text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        if (name === "head") done = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const pick = (keys: string[]) => keys.map((k) => clean(meta.get(k))).find(Boolean) ?? null;
  return {
    title: cut(pick(TITLE) ?? clean(title), MAX.title),
    description: cut(pick(DESCRIPTION), MAX.description),
    siteName: cut(pick(SITE_NAME), MAX.siteName),
    imageUrl: absoluteHttpUrl(pick(IMAGE), base, pageUrl),
  };
}

function clean(value: string | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}

function cut(value: string | null, max: number): string | null {
  if (!value) return null;
  const chars = [...value];
  return chars.length <= max
    ? value
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

function absoluteHttpUrl(value: string | null, base: string | null, pageUrl: string) {
  if (!value) return null;
  try {
    const baseUrl = base ? new URL(base, pageUrl) : new URL(pageUrl);
    const url = new URL(value, baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}
