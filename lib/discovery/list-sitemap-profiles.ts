import "server-only";
import { db } from "@/lib/db";

/** One sitemap file holds at most 50,000 URLs (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * The profiles a sitemap lists: every account anyone may see (never suspended or deleted, by
 * the signed-out form of the visibility rule), most followed first so the cap keeps the ones
 * people look for.
 */
export async function listSitemapProfiles(): Promise<{ username: string; updatedAt: Date }[]> {
  return db.user.findMany({
    where: { suspendedAt: null, deletedAt: null },
    orderBy: [{ followersCount: "desc" }, { id: "asc" }],
    take: SITEMAP_MAX_URLS - 1,
    select: { username: true, updatedAt: true },
  });
}
