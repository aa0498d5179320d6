import "server-only";
import { sharedCache } from "@/lib/cache/shared-cache";
import { limitSql, Prisma, queryRows } from "@/lib/db";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import type { TTrendingTag } from "./discovery.types";

/** Only uses this recent count at all. */
export const TRENDING_WINDOW_HOURS = 24;
/** A use counts half as much every this many hours, so a burst this morning beats a steady week. */
export const TRENDING_HALF_LIFE_HOURS = 6;

/**
 * The tags most used in the last 24 hours, each use weighted by 2^(-age / half-life), so what is
 * happening now outranks what happened this morning. Uses by accounts the viewer may not see
 * (suspended, blocked either way, muted) don't count for them. One statement over the
 * PostTag(createdAt) index, bounded by the window.
 *
 * The tags are the same for every viewer who hides no account (Viewer.hidesAccounts; unknown, a
 * signed-in viewer is taken to hide someone), so theirs are shared for a few seconds
 * (lib/cache/shared-cache.ts); anyone else's are counted for them.
 */
export async function listTrendingTags(
  limit: number,
  viewerId?: string,
  { hidesAccounts = viewerId !== undefined }: { hidesAccounts?: boolean } = {},
): Promise<TTrendingTag[]> {
  if (hidesAccounts && viewerId) return countTrendingTags(limit, viewerId);
  return sharedCache(`trending:${limit}`, () => countTrendingTags(limit, null));
}

async function countTrendingTags(limit: number, viewerId: string | null): Promise<TTrendingTag[]> {
  const halfLifeSeconds = TRENDING_HALF_LIFE_HOURS * 3600;
  const rows = await queryRows<{ tag: string; uses: number; score: number }>(
    Prisma.sql`
    SELECT t.tag,
           count(*)::int AS uses,
           sum(power(0.5, extract(epoch FROM (now() - t."createdAt")) / ${halfLifeSeconds}))::float8
             AS score
    FROM "PostTag" t
    JOIN "Post" p ON p.id = t."postId"
    WHERE t."createdAt" > now() - make_interval(hours => ${TRENDING_WINDOW_HOURS})
      AND t."createdAt" <= now()
      AND ${visibleAuthorSql(Prisma.raw(`p."authorId"`), viewerId)}
    GROUP BY t.tag
    ORDER BY score DESC, uses DESC, t.tag
    LIMIT ${limitSql(limit)}`,
    { name: `trending-tags${viewerId ? "" : "-signed-out"}-${limit}` },
  );
  return rows.map((r) => ({ tag: r.tag, uses: r.uses, score: Math.round(r.score * 1000) / 1000 }));
}
