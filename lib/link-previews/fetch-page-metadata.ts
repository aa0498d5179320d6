import "server-only";
import { decodeHtml } from "./decode-html";
import { extractMetadata, type PageMetadata } from "./extract-metadata";
import { fetchPublic } from "./fetch-public";

/**
 * Fetches a linked page under the link-preview rules (fetch-public.ts), text/html only, and
 * reads its card metadata. With no site name of its own, a page is named by its host.
 * Throws LinkFetchError when the page can't be fetched.
 */
export async function fetchPageMetadata(
  url: string,
  allowHosts: readonly string[],
): Promise<PageMetadata> {
  const page = await fetchPublic(url, {
    accept: (type) => type === "text/html",
    acceptHeader: "text/html",
    allowHosts,
  });
  const metadata = extractMetadata(decodeHtml(page.body, page.charset), page.url);
  return { ...metadata, siteName: metadata.siteName ?? new URL(page.url).hostname };
}
