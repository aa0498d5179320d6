import "server-only";
import type { TPosition } from "@/lib/api/keyset";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { Prisma, queryRows } from "@/lib/db";
import { toUserSummary } from "@/lib/users/public-user";
import { fanOutOnReadSql, feedStatementName, timelineIdsSql } from "./feed-ids-sql";
import { feedPageSql, type FeedPageRow } from "./feed-page-sql";
import { ZFeedPositionSchema } from "./feed-position";
import { toPagePost } from "./load-posts";
import type { TPost } from "./posts.types";

/**
 * The viewer's home feed: their own posts, those of everyone they follow and what those people
 * reposted, newest first, by keyset on (createdAt, id) of each entry. See "How the feed is built"
 * in the README. No Prisma query on this path: the statements go through queryRows, named, so
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
  const position = decodeCursor(page.cursor, scope, ZFeedPositionSchema);
  const mutedWords = mutedWordsOfViewer ?? (await readMutedWords(viewerId));
  const { rows, fannedOut } = await readFeedPage(
    viewerId,
    position,
    page.limit + 1,
    mutedWords,
    position?.fanOut === true,
  );
  return toPage(
    rows,
    page.limit,
    scope,
    (row) => ({ t: row.entryAt.toISOString(), id: row.id, ...(fannedOut && { fanOut: true }) }),
    (row) => toPagePost(row, viewerId, reposterOf(row, viewerId)),
  );
}

/**
 * `take` entries of the feed past `after`, with their posts: from the viewer's timeline (fanned
 * out on write by the events worker, lib/timeline), one statement; or, when that answers nothing
 * because it can't serve the page (past its cap, or never built), or `pastTimeline` says so
 * already, fanned out on read. Both give the same rows (tests/db/timeline-property.test.ts).
 */
export async function readFeedPage(
  viewerId: string,
  after: TPosition | null | undefined,
  take: number,
  mutedWords: string[],
  pastTimeline = false,
): Promise<{ rows: FeedPageRow[]; fannedOut: boolean }> {
  if (!pastTimeline) {
    const rows = await queryRows<FeedPageRow>(
      feedPageSql(timelineIdsSql(viewerId, after, take, mutedWords), viewerId),
      { name: feedStatementName("timeline", mutedWords) },
    );
    if (rows.length > 0) return { rows, fannedOut: false };
  }
  const rows = await queryRows<FeedPageRow>(
    feedPageSql(fanOutOnReadSql(viewerId, after, take, mutedWords), viewerId),
    { name: feedStatementName("fan-out", mutedWords) },
  );
  return { rows, fannedOut: true };
}

/** The viewer's muted words, for callers without a resolved viewer (server-rendered pages). */
async function readMutedWords(viewerId: string): Promise<string[]> {
  const rows = await queryRows<{ word: string }>(
    Prisma.sql`SELECT word FROM "MutedWord" WHERE "userId" = ${viewerId}`,
    { name: "feed-muted-words" },
  );
  return rows.map((r) => r.word);
}

/** Who reposted a post the feed shows because of a repost: someone followed, or the viewer. */
function reposterOf(row: FeedPageRow, viewerId: string) {
  if (!row.reposter) return null;
  const isSelf = row.reposter.id === viewerId;
  // In the feed only because the viewer follows them (or is them).
  return toUserSummary(row.reposter, {
    isSelf,
    following: !isSelf,
    followsYou: row.reposterFollowsYou,
  });
}
