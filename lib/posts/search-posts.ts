import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { positionAfterSql, rowAfterSql } from "@/lib/api/keyset";
import {
  decodeCursor,
  encodeCursor,
  keyset,
  toPage,
  type Page,
  type TPageQuery,
} from "@/lib/api/pagination";
import { limitSql, Prisma, queryRows } from "@/lib/db";
import { previewOf, previewSql, readableInFullSql } from "@/lib/payments/paid-post";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import { loadPosts } from "./load-posts";
import { parsePostText } from "./parse-post-text";
import type { TPost, TPostSearchSort } from "./posts.types";

/** How many of the newest matches a word search ranks by relevance. */
const SEARCH_WINDOW = 500;
/** Tag search reads this many rows at a time, and at most TAG_SCAN_MAX for one page. */
const TAG_BATCH = 100;
const TAG_SCAN_MAX = 2_000;

const ZRankPositionSchema = z.object({ rank: z.number(), id: z.string() });

// The cursor carries its scope, and cursors are capped at 500 characters: a 100-character query
// (more once JSON-escaped and base64-encoded) would not fit, so the scope names it by a digest.
function scopeFor(kind: "text" | "latest" | "tag", key: string): string {
  return `posts-search:${kind}:${createHash("sha256").update(key).digest("base64url").slice(0, 22)}`;
}

// A tag search is a prepared statement (lib/db.ts): the tag and cursor are parameters, and the
// text varies only past a cursor or not, signed in or out, and by its batch size, one name each.
// Its plan is the same for every tag: the (tag, createdAt, postId) index. A word search is not
// prepared on purpose: its best plan depends on the words (the GIN index for a rare word, the
// createdAt index for a common one), so it is planned for each query.
function statementName(base: string, afterCursor: boolean, viewerId: string | undefined): string {
  return `${base}${afterCursor ? "-after" : ""}${viewerId ? "" : "-signed-out"}`;
}

/** The tag when the query is exactly one hashtag (by the same rule that links tags in posts). */
function tagOf(q: string): string | undefined {
  const [tag] = parsePostText(q).hashtags;
  return tag !== undefined && q.toLowerCase() === `#${tag}` ? tag : undefined;
}

// `#tag`: the posts carrying that tag, newest first, from the (tag, createdAt desc, postId desc)
// index. Only real tags match: a post that merely contains the word is not tagged with it.
// Posts by accounts hidden from the viewer (blocked, muted, suspended) are skipped as read, and
// so is a paid post the viewer can't read whose tag is only in its locked text: its tags are
// judged from its preview, in JS by the very rules that write and show them, so the scan reads on
// in batches until the page is full.
async function searchTag(tag: string, page: TPageQuery, viewerId?: string): Promise<Page<TPost>> {
  const scope = scopeFor("tag", tag);
  const keys = keyset(page.cursor, scope, { columns: ["createdAt", "postId"] });
  let position = keys.position;
  const batch = Math.max(page.limit + 1, TAG_BATCH);
  const found: { postId: string; createdAt: Date }[] = [];
  let scanned = 0;
  for (;;) {
    const afterCursor = positionAfterSql(
      [Prisma.raw(`pt."createdAt"`), Prisma.raw(`pt."postId"`)],
      position,
    );
    const rows = await queryRows<{ postId: string; createdAt: Date; lockedText: string | null }>(
      Prisma.sql`
      SELECT pt."postId", pt."createdAt",
        CASE WHEN ${readableInFullSql(`p`, viewerId ?? null)} THEN NULL ELSE p.text END
          AS "lockedText"
      FROM "PostTag" pt
      JOIN "Post" p ON p.id = pt."postId"
      WHERE pt.tag = ${tag} AND ${afterCursor}
        AND ${visibleAuthorSql(Prisma.raw(`p."authorId"`), viewerId ?? null)}
      ORDER BY pt."createdAt" DESC, pt."postId" DESC
      LIMIT ${limitSql(batch)}`,
      { name: `${statementName("post-search-tag", Boolean(position), viewerId)}-${batch}` },
    );
    for (const row of rows) {
      const shown =
        row.lockedText === null || parsePostText(previewOf(row.lockedText)).hashtags.includes(tag);
      if (shown) found.push(row);
      if (found.length > page.limit) break;
    }
    scanned += rows.length;
    const last = rows.at(-1);
    if (found.length > page.limit || rows.length < batch || !last) break;
    position = keys.positionOf(last);
    // Many locked posts in a row: answer what was found, with a cursor past what was read.
    if (scanned >= TAG_SCAN_MAX) {
      const ids = found.map((r) => r.postId);
      return { items: await loadPosts(ids, viewerId), nextCursor: encodeCursor(scope, position) };
    }
  }
  const ids = toPage(found, page.limit, scope, keys.positionOf, (r) => r.postId);
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}

// Words: PostgreSQL full-text search over the generated, GIN-indexed "searchVector" (English
// stemming, so "running" finds "run"; the content warning weighs less than the text).
//
// A paid post the viewer can't read whole is matched (and ranked) on what they can read: its
// preview (previewSql, the rule lockPaidPost shows) and its content warning, in a vector built
// as the "searchVector" column is (prisma/migrations/20261125025443_posts). The index still
// finds the candidates, since whatever the preview matches the whole text matches too; the
// preview's own vector is computed only for those.
//
// websearch_to_tsquery never fails on user input. A query of only stop words or punctuation
// becomes an empty tsquery, and one of only negations ("-cat") one that matches nearly every
// post without using the index: querytree() is '' or 'T' for those, and they answer nothing
// rather than scan the whole table.
//
// The newest matches past `after`, at most `take`: PostgreSQL reads a common word's from the
// createdAt index and stops at `take`, and finds a rare word's through the GIN index (the
// planner picks), so a search costs the same however large the table.
function newestMatchesSql(
  q: string,
  viewerId: string | undefined,
  after: Prisma.Sql,
  take: number,
): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id, p."createdAt", readable.v AS readable, query.q
    FROM websearch_to_tsquery('english', ${q}) AS query(q)
    CROSS JOIN "Post" p
    CROSS JOIN LATERAL (
      SELECT CASE WHEN ${readableInFullSql(`p`, viewerId ?? null)} THEN p."searchVector"
        ELSE setweight(to_tsvector('english', ${previewSql(Prisma.sql`p.text`)}), 'A')
          || setweight(to_tsvector('english', coalesce(p."contentWarning", '')), 'B')
        END AS v
    ) readable
    WHERE querytree(query.q) NOT IN ('', 'T') AND p."searchVector" @@ query.q
      -- The same as "readable.v @@ query.q" (a post readable in full is matched on its
      -- "searchVector"), said so PostgreSQL can estimate it: it can't see into the CASE,
      -- guessed that 0.2% of the matches pass, and sorted every match of a common word
      -- (172 ms at a million posts) instead of reading the newest from the createdAt index.
      AND (${readableInFullSql(`p`, viewerId ?? null)} OR readable.v @@ query.q)
      AND ${visibleAuthorSql(Prisma.raw(`p."authorId"`), viewerId ?? null)}
      AND ${after}
    ORDER BY p."createdAt" DESC, p.id DESC
    LIMIT ${take}`;
}

// Latest: the matches newest first, by keyset on (createdAt, id), as Mastodon orders them.
async function searchLatest(q: string, page: TPageQuery, viewerId?: string): Promise<Page<TPost>> {
  const scope = scopeFor("latest", q);
  const keys = keyset(page.cursor, scope);
  const after = positionAfterSql([Prisma.raw(`p."createdAt"`), Prisma.raw("p.id")], keys.position);
  const rows = await queryRows<{ id: string; createdAt: Date }>(
    Prisma.sql`SELECT id, "createdAt" FROM (${newestMatchesSql(q, viewerId, after, page.limit + 1)}) m`,
  );
  const ids = toPage(rows, page.limit, scope, keys.positionOf, (r) => r.id);
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}

// Top: the newest SEARCH_WINDOW matches ranked by cover density, keyset on (rank, id). Ranking
// every match made a common word (one post in twenty) take 1.8 s at a million posts; the window
// keeps a search's cost the same however large the table.
async function searchTop(q: string, page: TPageQuery, viewerId?: string): Promise<Page<TPost>> {
  const scope = scopeFor("text", q);
  const position = decodeCursor(page.cursor, scope, ZRankPositionSchema);
  // The rank is compared as the same float8 it is returned as, so the cursor's copy (a JSON
  // double) is exactly equal to it and ties are split by id without skipping or repeating.
  const afterCursor = position
    ? Prisma.sql`WHERE ${rowAfterSql(
        [Prisma.raw("rank"), Prisma.raw("id")],
        [Prisma.sql`${position.rank}::float8`, position.id],
        "desc",
      )}`
    : Prisma.empty;
  const rows = await queryRows<{ id: string; rank: number }>(
    Prisma.sql`
    SELECT id, rank FROM (
      SELECT recent.id, ts_rank_cd(recent.readable, recent.q)::float8 AS rank
      FROM (${newestMatchesSql(q, viewerId, Prisma.sql`TRUE`, SEARCH_WINDOW)}) recent
    ) matches
    ${afterCursor}
    ORDER BY rank DESC, id DESC
    LIMIT ${page.limit + 1}`,
  );

  const ids = toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ rank: r.rank, id: r.id }),
    (r) => r.id,
  );
  return { ...ids, items: await loadPosts(ids.items, viewerId) };
}

/**
 * Post search: a query that is one `#hashtag` lists the posts with that tag, newest first;
 * anything else is a full-text search, newest matches first or, with `sort` "top", the best of
 * the newest SEARCH_WINDOW matches first.
 */
export async function searchPosts(
  rawQuery: string,
  page: TPageQuery,
  viewerId?: string,
  sort: TPostSearchSort = "latest",
): Promise<Page<TPost>> {
  const q = rawQuery.trim();
  const tag = tagOf(q);
  if (tag) return searchTag(tag, page, viewerId);
  return sort === "top" ? searchTop(q, page, viewerId) : searchLatest(q, page, viewerId);
}
