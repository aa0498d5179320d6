import "server-only";
import { keyset, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { Prisma, queryRows } from "@/lib/db";
import { toUserSummary } from "@/lib/users/public-user";
import type { TUserSummary } from "@/lib/users/users.types";
import { feedIdsSql, type FeedRow } from "./feed-ids-sql";
import { loadPosts } from "./load-posts";
import type { TPost } from "./posts.types";

/**
 * The viewer's home feed: their own posts, those of everyone they follow and what those people
 * reposted, newest first, by keyset on (createdAt, id). Served from the viewer's timeline
 * (fanned out on write by the events worker, lib/timeline) merged with what it may lack, or
 * fanned out on read past it: one statement either way, feedIdsSql (see "How the feed is built"
 * in the README). No Prisma query on this path: the statements go through queryRows, named, so
 * each connection plans them once.
 */
export async function listFeed(
  viewerId: string,
  page: TPageQuery,
  // The viewer's muted words when the caller has them (the API's viewer carries them from the
  // session lookup); else one more statement reads them.
  mutedWordsOfViewer?: string[],
): Promise<Page<TPost>> {
  // Scoped to the viewer, so a cursor can't be replayed in somebody else's feed.
  const scope = `feed:${viewerId}`;
  const keys = keyset(page.cursor, scope);
  const mutedWords = mutedWordsOfViewer ?? (await readMutedWords(viewerId));
  const rows = await queryRows<FeedRow>(
    feedIdsSql(viewerId, keys.position, page.limit + 1, mutedWords),
    { name: "feed-ids" },
  );

  const ids = toPage(rows, page.limit, scope, keys.positionOf, (r) => r.id);
  return { ...ids, items: await loadPosts(ids.items, viewerId, reposters(rows, viewerId)) };
}

/** The viewer's muted words, for callers without a resolved viewer (server-rendered pages). */
async function readMutedWords(viewerId: string): Promise<string[]> {
  const rows = await queryRows<{ word: string }>(
    Prisma.sql`SELECT word FROM "MutedWord" WHERE "userId" = ${viewerId}`,
    { name: "feed-muted-words" },
  );
  return rows.map((r) => r.word);
}

/** Who reposted each post the feed shows because of a repost: someone followed, or the viewer. */
function reposters(rows: FeedRow[], viewerId: string): Map<string, TUserSummary> {
  const byPost = new Map<string, TUserSummary>();
  for (const r of rows) {
    if (!r.reposter) continue;
    const isSelf = r.reposter.id === viewerId;
    byPost.set(
      r.id,
      // In the feed only because the viewer follows them (or is them).
      toUserSummary(r.reposter, { isSelf, following: !isSelf, followsYou: r.reposterFollowsYou }),
    );
  }
  return byPost;
}
