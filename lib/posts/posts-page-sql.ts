import { existsProbeSql } from "@/lib/database/exists-probe-sql";
import { selectJsonSql } from "@/lib/database/select-json-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { LINK_PREVIEW_SELECT, type LinkPreviewRow } from "@/lib/link-previews/link-preview-select";
import { MEDIA_SELECT, type MediaRow } from "@/lib/media/media-select";
import { boughtSql } from "@/lib/payments/paid-post";
import { USER_SUMMARY_SELECT, type UserSummaryRow } from "@/lib/users/user-summary-select";
import { visibleAuthorSql } from "@/lib/safety/visibility";
import type { TReactionEmoji } from "./posts.types";

/** The original of a quote post, as JSON, when it exists and the viewer may see it. */
export type QuotedRow = {
  id: string;
  authorId: string;
  author: UserSummaryRow;
  text: string;
  contentWarning: string | null;
  createdAt: string;
  priceAmount: number | null;
  priceCurrency: string | null;
  bought: boolean;
};

export type PostPageRow = {
  id: string;
  authorId: string;
  text: string;
  contentWarning: string | null;
  priceAmount: number | null;
  priceCurrency: string | null;
  createdAt: Date;
  editedAt: Date | null;
  likeCount: number;
  commentCount: number;
  reactionCount: number;
  repostCount: number;
  quoteCount: number;
  quotedPostId: string | null;
  quoted: QuotedRow | null;
  author: UserSummaryRow;
  hashtags: string[];
  mentions: string[];
  reactions: { emoji: string; count: number }[];
  media: MediaRow[];
  linkPreview: LinkPreviewRow | null;
  liked: boolean;
  saved: boolean;
  reposted: boolean;
  myReactions: TReactionEmoji[];
  bought: boolean;
  following: boolean;
  followsYou: boolean;
};

export type PostsPageOptions = { visibleOnly?: boolean };

/**
 * The posts of a page picked by a subquery of the same statement instead of a list of ids:
 * `wanted` is a relation named `wanted` with the columns `id` and `position` (the order), and
 * `columns` a select list (each item followed by a comma) of its other columns to return with
 * each post. The feed uses it to read its entries and their posts in one round trip.
 */
export type PostsSource = { wanted: Prisma.Sql; columns: Prisma.Sql };

/**
 * The statement behind lib/posts/load-posts.ts: posts by id, in the order given, with their
 * author, tags, mentions, reactions per emoji, media, the link preview, the quoted original (null when it is gone
 * or hidden from the viewer) and the viewer's own state. Each relation
 * is a correlated subquery on an index, aggregated to an array or JSON inside PostgreSQL, so a
 * page is one round trip however many posts it has (Prisma's `include` sends one query per
 * relation). Signed out, `viewer` is null and every viewer column is false or empty.
 * Kept apart from its caller so the benchmark can run the very same SQL through raw `pg`.
 *
 * The ids go in as one array parameter, so the text is the same for any number of posts and the
 * statement can be prepared once per connection (postsPageName). `visibleOnly` also drops posts
 * whose author is hidden from the viewer, for ids that were picked for someone else (explore's
 * shared first page, lib/posts/list-explore.ts) or a few seconds ago.
 */
export function postsPageSql(
  ids: string[] | PostsSource,
  viewer: string | null,
  { visibleOnly = false }: PostsPageOptions = {},
): Prisma.Sql {
  const source = Array.isArray(ids)
    ? {
        wanted: Prisma.sql`unnest(${ids}::text[]) WITH ORDINALITY AS wanted(id, position)`,
        columns: Prisma.empty,
      }
    : ids;
  return Prisma.sql`
    SELECT ${source.columns} p.id, p."authorId", p.text, p."contentWarning", p."priceAmount", p."priceCurrency",
      p."createdAt", p."editedAt", p."likeCount", p."commentCount", p."reactionCount",
      p."repostCount", p."quoteCount", p."quotedPostId",
      ${selectJsonSql(USER_SUMMARY_SELECT, "u", { avatar: "avatar" })} AS author,
      ARRAY(SELECT t.tag FROM "PostTag" t WHERE t."postId" = p.id ORDER BY t.tag) AS hashtags,
      ARRAY(
        SELECT mu.username FROM "PostMention" m JOIN "User" mu ON mu.id = m."userId"
        WHERE m."postId" = p.id ORDER BY mu.username
      ) AS mentions,
      COALESCE((
        SELECT json_agg(json_build_object('emoji', rc.emoji, 'count', rc.count)
                        ORDER BY rc.count DESC, rc.emoji)
        FROM "PostReactionCount" rc WHERE rc."postId" = p.id AND rc.count > 0
      ), '[]') AS reactions,
      COALESCE((
        SELECT json_agg(${selectJsonSql(MEDIA_SELECT, "md")} ORDER BY md.position)
        FROM "Media" md WHERE md."postId" = p.id
      ), '[]') AS media,
      (
        SELECT ${selectJsonSql(LINK_PREVIEW_SELECT, "lp")}
        FROM "LinkPreview" lp WHERE lp.id = p."linkPreviewId"
      ) AS "linkPreview",
      ${existsProbeSql(Prisma.sql`SELECT 1 FROM "Like" l WHERE l."userId" = ${viewer} AND l."postId" = p.id`)} AS liked,
      ${existsProbeSql(Prisma.sql`SELECT 1 FROM "Save" s WHERE s."userId" = ${viewer} AND s."postId" = p.id`)} AS saved,
      ${existsProbeSql(Prisma.sql`
        SELECT 1 FROM "Repost" rp WHERE rp."userId" = ${viewer} AND rp."postId" = p.id`)} AS reposted,
      (
        SELECT json_build_object(
          'id', q.id, 'authorId', q."authorId",
          'author', ${selectJsonSql(USER_SUMMARY_SELECT, "qu", { avatar: "qa" })},
          'text', q.text, 'contentWarning', q."contentWarning",
          'createdAt', to_char(q."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'priceAmount', q."priceAmount", 'priceCurrency', q."priceCurrency",
          'bought', ${boughtSql(viewer, Prisma.raw("q.id"))})
        FROM "Post" q
        JOIN "User" qu ON qu.id = q."authorId"
        LEFT JOIN "Media" qa ON qa.id = qu."avatarId"
        WHERE q.id = p."quotedPostId" AND ${visibleAuthorSql(Prisma.raw(`q."authorId"`), viewer, { includeMuted: true })}
      ) AS quoted,
      ARRAY(
        SELECT r.emoji FROM "Reaction" r WHERE r."userId" = ${viewer} AND r."postId" = p.id
      ) AS "myReactions",
      ${boughtSql(viewer, Prisma.raw("p.id"))} AS bought,
      ${existsProbeSql(Prisma.sql`
        SELECT 1 FROM "Follow" f WHERE f."followerId" = ${viewer} AND f."followingId" = p."authorId"`)} AS following,
      ${existsProbeSql(Prisma.sql`
        SELECT 1 FROM "Follow" f WHERE f."followerId" = p."authorId" AND f."followingId" = ${viewer}`)} AS "followsYou"
    FROM ${source.wanted}
    JOIN "Post" p ON p.id = wanted.id
    JOIN "User" u ON u.id = p."authorId"
    LEFT JOIN "Media" avatar ON avatar.id = u."avatarId"
    ${visibleOnly ? Prisma.sql`WHERE ${visibleAuthorSql(Prisma.raw(`p."authorId"`), viewer)}` : Prisma.empty}
    ORDER BY wanted.position`;
}

/**
 * The prepared statement's name for postsPageSql's text: one per variant of the text (signed in
 * or out changes the visibility conditions, `visibleOnly` adds one), never per call.
 */
export function postsPageName(
  viewer: string | null,
  { visibleOnly = false }: PostsPageOptions = {},
): string {
  return `posts-page${viewer ? "" : "-signed-out"}${visibleOnly ? "-visible" : ""}`;
}
