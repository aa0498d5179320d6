import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { rowAfterSql } from "@/lib/api/keyset";
import { sharedCache } from "@/lib/cache/shared-cache";
import { limitSql, Prisma, queryRows } from "@/lib/db";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

// hotScore is a float8 and JSON numbers are doubles: the position survives the cursor exactly,
// which the equality half of the keyset condition needs.
const ZPositionSchema = z.object({ score: z.number(), id: z.string() });

/**
 * Everyone's posts, hottest first: by the generated `hotScore` column (engagement on a log
 * scale plus creation time, so that newer posts overtake older ones unless those keep being
 * engaged with), keyset on (hotScore, id) over the (hotScore desc, id desc) index.
 *
 * A post's score moves when it is liked or commented on, so a post can move across the cursor
 * between two pages and show up twice or not at all. That's accepted for a discovery list;
 * each page is still ordered and cheap.
 *
 * Posts by accounts the viewer may not see (suspended, deleted, blocked either way, muted) are
 * skipped in the same statement, by index probes on the rows read. `hidesAccounts` is the
 * viewer's (Viewer.hidesAccounts); unknown, a signed-in viewer is taken to hide someone.
 */
export async function listExplore(
  page: TPageQuery,
  viewerId?: string,
  { hidesAccounts = viewerId !== undefined }: { hidesAccounts?: boolean } = {},
): Promise<Page<TPost>> {
  // The first page is the same for everyone who hides no account (Viewer.hidesAccounts), so it
  // is shared as ids for a few seconds, and the posts are loaded for this viewer: their own
  // state, what they bought, and, since the ids may be seconds old, without any author hidden
  // from them by then (`visibleOnly`).
  if (!page.cursor && !hidesAccounts) {
    const ids = await sharedCache(`explore:${page.limit}`, () => exploreIds(page, null));
    return {
      ...ids,
      items: await loadPosts(ids.items, viewerId, { visibleOnly: true }),
    };
  }
  const ids = await exploreIds(page, viewerId ?? null);
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}

/** A page of explore's ids for `viewerId` (null: for no one in particular). */
async function exploreIds(page: TPageQuery, viewerId: string | null): Promise<Page<string>> {
  const scope = "explore";
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const afterCursor = position
    ? rowAfterSql(
        [Prisma.raw(`p."hotScore"`), Prisma.raw("p.id")],
        [Prisma.sql`${position.score}::float8`, position.id],
        "desc",
      )
    : Prisma.sql`TRUE`;
  const rows = await queryRows<{ id: string; hotScore: number }>(
    Prisma.sql`
    SELECT p.id, p."hotScore" FROM "Post" p
    WHERE ${afterCursor} AND ${visibleAuthorSql(Prisma.raw(`p."authorId"`), viewerId)}
    ORDER BY p."hotScore" DESC, p.id DESC
    LIMIT ${limitSql(page.limit + 1)}`,
    // One name per variant of the text: past a cursor or not, for a viewer or for no one, and
    // the page size (at most MAX_PAGE_SIZE of them).
    {
      name: `explore${position ? "-after" : ""}${viewerId ? "" : "-signed-out"}-${page.limit + 1}`,
    },
  );
  return toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ score: r.hotScore, id: r.id }),
    (r) => r.id,
  );
}
