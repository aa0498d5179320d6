import "server-only";
import { Prisma, queryRows } from "@/lib/db";
import type { TTagSuggestion } from "./posts.types";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Hashtags starting with `q` (lower-case, without "#"), the most used first. The prefix is read
 * from its own index ("PostTag_tag_prefix_idx", text_pattern_ops, so LIKE 'q%' can use it under
 * any collation) and counted from the index alone; the exact tag comes first so what was typed
 * can always be picked.
 */
export async function searchTags(q: string, limit: number): Promise<TTagSuggestion[]> {
  if (!q) return [];
  const rows = await queryRows<{ tag: string; uses: number }>(Prisma.sql`
    SELECT tag, count(*)::int AS uses
    FROM "PostTag"
    WHERE tag LIKE ${`${escapeLike(q)}%`}
    GROUP BY tag
    ORDER BY tag = ${q} DESC, uses DESC, tag
    LIMIT ${limit}`);
  return rows;
}
