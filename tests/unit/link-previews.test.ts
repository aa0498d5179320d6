import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ZCheckedEnvSchema } from "@/lib/config";
import { isPublicAddress } from "@/lib/link-previews/address-rules";
import { parseAllowHosts } from "@/lib/link-previews/allow-hosts";
import { decodeHtml } from "@/lib/link-previews/decode-html";
import { extractMetadata } from "@/lib/link-previews/extract-metadata";
import { firstLink } from "@/lib/posts/parse-post-text";
import { firstLinkChanged } from "@/lib/link-previews/first-link-changed";
import { normalizeLinkUrl } from "@/lib/link-previews/normalize-link-url";
import { lockPaidPost } from "@/lib/payments/paid-post";

describe("extractMetadata", () => {
  const page = "https://example.com/articles/1";

  it("prefers Open Graph, then Twitter Card tags", () => {
    const html = `<!doctype html><html><head>
      <title>Plain title</title>
      <meta name="description" content="Plain description">
      <meta name="twitter:title" content="Twitter title">
      <meta property="og:title" content="  OG   title ">
      <meta property="og:description" content="OG description &amp; more">
      <meta property="og:site_name" content="Example News">
      <meta property="og:image" content="/images/cover.png">
      <meta property="og:image" content="/images/second.png">
    </head><body><meta property="og:title" content="in the body"></body></html>`;
    expect(extractMetadata(html, page)).toEqual({
      title: "OG title",
      description: "OG description & more",
      siteName: "Example News",
      imageUrl: "https://example.com/images/cover.png",
    });
  });

  it("falls back to Twitter Card tags, then <title> and meta description", () => {
    const twitter = `<head><meta name="twitter:title" content="T"><meta name="twitter:image" content="https://cdn.example.net/t.jpg"><title>Plain</title></head>`;
    expect(extractMetadata(twitter, page)).toMatchObject({
      title: "T",
      imageUrl: "https://cdn.example.net/t.jpg",
    });
    const plain = `<HTML><HEAD><TITLE>Caf&eacute;
      menu</TITLE><META NAME="Description" CONTENT="Open late"></HEAD></HTML>`;
    expect(extractMetadata(plain, page)).toEqual({
      title: "Café menu",
      description: "Open late",
      siteName: null,
      imageUrl: null,
    });
  });

  it("resolves the image against <base href> and drops non-http(s) images", () => {
    const based = `<head><base href="https://static.example.org/a/"><meta property="og:image" content="img.webp"><title>x</title></head>`;
    expect(extractMetadata(based, page).imageUrl).toBe("https://static.example.org/a/img.webp");
    const data = `<head><title>x</title><meta property="og:image" content="data:image/png;base64,AAAA"></head>`;
    expect(extractMetadata(data, page).imageUrl).toBeNull();
    const js = `<head><title>x</title><meta property="og:image" content="javascript:alert(1)"></head>`;
    expect(extractMetadata(js, page).imageUrl).toBeNull();
  });

  it("shortens long values and gives null for a page with nothing", () => {
    const long = `<head><title>${"word ".repeat(100)}</title></head>`;
    const title = extractMetadata(long, page).title!;
    expect([...title].length).toBeLessThanOrEqual(200);
    expect(title.endsWith("…")).toBe(true);
    expect(extractMetadata("<p>hello</p>", page)).toEqual({
      title: null,
      description: null,
      siteName: null,
      imageUrl: null,
    });
  });
});

describe("decodeHtml", () => {
  const html = (charsetMeta: string) => `<html><head>${charsetMeta}<title>Crème brûlée €5</title>`;

  it("reads the Content-Type charset", () => {
    const bytes = iconv.encode(html(""), "windows-1252");
    expect(decodeHtml(bytes, "windows-1252")).toContain("Crème brûlée €5");
  });

  it("reads a <meta charset> or http-equiv when the header says nothing", () => {
    const meta = iconv.encode(html('<meta charset="ISO-8859-1">'), "windows-1252");
    expect(decodeHtml(meta, null)).toContain("Crème brûlée €5");
    const sjis = iconv.encode(
      '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>日本語</title>',
      "shift_jis",
    );
    expect(decodeHtml(sjis, null)).toContain("日本語");
  });

  it("uses UTF-8 by default, a byte-order mark first, and ignores unknown labels", () => {
    expect(decodeHtml(Buffer.from(html("")), null)).toContain("Crème brûlée €5");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("é")]);
    expect(decodeHtml(bom, "windows-1252")).toBe("é");
    expect(decodeHtml(Buffer.from("é"), "x-no-such-charset")).toBe("é");
  });
});

describe("firstLink and normalizeLinkUrl", () => {
  it("finds the first http(s) link, without trailing punctuation", () => {
    expect(firstLink("see https://example.com/a?b=1, and http://x.org")).toBe(
      "https://example.com/a?b=1",
    );
    expect(firstLink("(read https://en.wikipedia.org/wiki/Foo_(bar)).")).toBe(
      "https://en.wikipedia.org/wiki/Foo_(bar)",
    );
    expect(firstLink("no links, ftp://x.org or javascript:alert(1) or mailto:a@b.c")).toBeNull();
    expect(firstLink("glued:xhttps://example.com")).toBeNull();
  });

  it("normalizes to one key per page and refuses anything else", () => {
    expect(normalizeLinkUrl("HTTPS://Example.COM:443/Path?q=1#section")).toBe(
      "https://example.com/Path?q=1",
    );
    expect(normalizeLinkUrl("http://example.com")).toBe("http://example.com/");
    expect(normalizeLinkUrl("https://user:pw@example.com/")).toBeNull();
    expect(normalizeLinkUrl("file:///etc/passwd")).toBeNull();
    expect(normalizeLinkUrl("not a url")).toBeNull();
  });

  it("tells when an edit changes the first link", () => {
    expect(firstLinkChanged("a https://x.org/#top", "b https://X.org/ c")).toBe(false);
    expect(firstLinkChanged("a https://x.org/", "a https://y.org/")).toBe(true);
    expect(firstLinkChanged("a https://x.org/", "no link now")).toBe(true);
  });
});

describe("address rules", () => {
  it("lets only public unicast addresses through", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      "127.0.0.1", // loopback
      "127.1.2.3",
      "::1",
      "10.0.0.1", // private
      "172.16.5.4",
      "192.168.1.1",
      "fd00::1",
      "169.254.169.254", // link-local: cloud metadata
      "fe80::1",
      "100.64.0.1", // CGNAT
      "100.100.100.200", // a cloud's metadata address, inside CGNAT
      "0.0.0.0",
      "::",
      "::ffff:127.0.0.1", // IPv4-mapped loopback
      "224.0.0.1", // multicast
      "255.255.255.255",
      "example.com", // not an address at all
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it("takes only loopback host:port entries in the test allowlist", () => {
    expect(parseAllowHosts(" 127.0.0.1:4100, localhost:80,[::1]:9 ")).toEqual([
      "127.0.0.1:4100",
      "localhost:80",
      "[::1]:9",
    ]);
    expect(parseAllowHosts("")).toEqual([]);
    for (const bad of [
      "10.0.0.1:80",
      "example.com:80",
      "127.0.0.1",
      "localhost:0",
      "169.254.169.254:80",
    ]) {
      expect(() => parseAllowHosts(bad), bad).toThrow(/loopback/);
    }
  });

  it("refuses the allowlist in production", () => {
    const base = { AUTH_SECRET: "x".repeat(32) };
    const parse = (env: Record<string, string>) => ZCheckedEnvSchema.safeParse({ ...base, ...env });
    const allow = { LINK_PREVIEW_ALLOW_HOSTS: "127.0.0.1:4100" };
    expect(parse({ ...allow, NODE_ENV: "test" }).success).toBe(true);
    expect(parse({ ...allow, NODE_ENV: "development" }).success).toBe(true);
    const production = parse({ ...allow, NODE_ENV: "production" });
    expect(production.error?.issues[0]).toMatchObject({
      path: ["LINK_PREVIEW_ALLOW_HOSTS"],
      message: "is for tests only and refused in production",
    });
    expect(parse({ NODE_ENV: "production" }).success).toBe(true);
    expect(parse({ LINK_PREVIEW_ALLOW_HOSTS: "10.0.0.1:80" }).success).toBe(false);
  });
});

describe("a locked paid post's link card", () => {
  const paid = { price: 500, currency: "USD", unlocked: false, mediaCount: 0 };
  const card = { url: "https://example.com/", title: "Example" };

  it("is hidden unless the preview of the text shows the link", () => {
    const hidden = "secret words ".repeat(20) + "https://example.com/";
    expect(
      lockPaidPost({ text: hidden, hashtags: [], mentions: [], media: [], paid, linkPreview: card })
        .linkPreview,
    ).toBeNull();
    const shown = "https://example.com/ " + "more words ".repeat(20);
    expect(
      lockPaidPost({ text: shown, hashtags: [], mentions: [], media: [], paid, linkPreview: card })
        .linkPreview,
    ).toEqual(card);
  });
});
