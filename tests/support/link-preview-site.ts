// A local web site for the link-preview tests: pages with Open Graph tags and their image, and
// the pages a fetcher must refuse (huge, slow, not HTML, redirecting to private addresses). It
// records every request, so a test can tell that a refused address was never even asked.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

export type PreviewSite = {
  port: number;
  /** `127.0.0.1:<port>`, as LINK_PREVIEW_ALLOW_HOSTS names it. */
  host: string;
  url: (path: string) => string;
  /** Paths requested so far, in order. */
  requests: string[];
  close: () => Promise<void>;
};

/** A 1200 x 630 PNG, the size sites make their og:image. */
export const coverPng = () =>
  sharp({ create: { width: 1200, height: 630, channels: 3, background: "#3366cc" } })
    .png()
    .toBuffer();

export function goodPage(origin: string, title = "A good article") {
  return `<!doctype html><html><head>
    <meta charset="utf-8"><title>Fallback title</title>
    <meta property="og:title" content="${title}">
    <meta property="og:description" content="What the article is about, in a sentence.">
    <meta property="og:site_name" content="Preview Site">
    <meta property="og:image" content="${origin}/cover.png">
  </head><body><p>Hello.</p></body></html>`;
}

export async function startPreviewSite(): Promise<PreviewSite> {
  const png = await coverPng();
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let origin = "";

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    requests.push(url.pathname + url.search);
    const html = (body: string | Buffer, type = "text/html; charset=utf-8") => {
      res.writeHead(200, { "content-type": type });
      res.end(body);
    };
    switch (url.pathname) {
      case "/good":
        return html(goodPage(origin, url.searchParams.get("title") ?? undefined));
      case "/cover.png":
        res.writeHead(200, { "content-type": "image/png" });
        return res.end(png);
      case "/no-image":
        return html(`<head><title>Only a title</title></head>`);
      case "/svg-image":
        return html(
          `<head><title>SVG</title><meta property="og:image" content="/image.svg"></head>`,
        );
      case "/image.svg":
        res.writeHead(200, { "content-type": "image/svg+xml" });
        return res.end(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`);
      case "/image-elsewhere":
        // og:image on another server: fetched under the same rules as the page.
        return html(
          `<head><title>Image elsewhere</title><meta property="og:image" content="${url.searchParams.get("src")}"></head>`,
        );
      case "/latin1":
        res.writeHead(200, { "content-type": "text/html; charset=windows-1252" });
        return res.end(
          Buffer.from("<head><title>Cr\xe8me br\xfbl\xe9e \x80</title></head>", "latin1"),
        );
      case "/huge": {
        // 2 MB, streamed without a Content-Length, so only counting can stop it.
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const more = () => {
          while (sent < 2 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", more);
          }
          res.end();
        };
        res.write("<html><head><title>Huge</title></head><body>");
        return more();
      }
      case "/huge-declared":
        res.writeHead(200, { "content-type": "text/html", "content-length": 5 * 1024 * 1024 });
        return res.write("<html>");
      case "/slow": {
        // Headers at once, then the body trickles for 20 s: only a total deadline stops it.
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<html><head>");
        const timer = setTimeout(() => res.end("<title>Slow</title></head></html>"), 20_000);
        timers.add(timer);
        return;
      }
      case "/not-html":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify({ title: "not a page" }));
      case "/redirect":
        res.writeHead(302, { location: url.searchParams.get("to") ?? "/good" });
        return res.end();
      case "/hops": {
        const n = Number(url.searchParams.get("n") ?? 0);
        res.writeHead(301, { location: n > 0 ? `/hops?n=${n - 1}` : "/good" });
        return res.end();
      }
      default:
        res.writeHead(404, { "content-type": "text/html" });
        return res.end("<title>Not found</title>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    port,
    host: `127.0.0.1:${port}`,
    url: (path) => `${origin}${path}`,
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
