import "server-only";
import { requestOrigin } from "./request-origin";

/**
 * The site's public address, for absolute links that leave the site (link previews' og:url and
 * images, robots.txt, the sitemap): NEXTAUTH_URL, the configured public URL, when set; otherwise
 * the address this request came to, which is right on a laptop and in previews.
 */
export async function siteUrl(): Promise<URL> {
  const configured = process.env.NEXTAUTH_URL;
  return new URL(configured ? new URL(configured).origin : await requestOrigin());
}
