import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { siteUrl } from "@/app/_lib/site-url";

// /robots.txt: public pages may be crawled; the API and pages that are only someone's own
// (settings, saved, notifications, payments, moderation) are not worth a robot's visit.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const base = await siteUrl();
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: [
        "/api/",
        "/settings",
        "/saved",
        "/notifications",
        "/earnings",
        "/purchases",
        "/checkout",
        "/moderation",
        "/welcome",
      ],
    },
    sitemap: new URL("/sitemap.xml", base).toString(),
  };
}
