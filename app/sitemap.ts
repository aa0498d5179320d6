import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { siteUrl } from "@/app/_lib/site-url";
import { listSitemapProfiles } from "@/lib/discovery/list-sitemap-profiles";

// /sitemap.xml: the home page and every public profile, so search engines find people.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Read per request, from the live database: there is none at build time.
  await connection();
  const base = await siteUrl();
  const profiles = await listSitemapProfiles();
  return [
    { url: new URL("/", base).toString(), changeFrequency: "hourly" },
    ...profiles.map((p) => ({
      url: new URL(`/u/${p.username}`, base).toString(),
      lastModified: p.updatedAt,
      changeFrequency: "daily" as const,
    })),
  ];
}
