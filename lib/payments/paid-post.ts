// The paywall: whether a viewer has bought a post, may read it whole, and what a locked post
// shows. Each rule that both SQL and Prisma (or JS) need is kept here in both forms, and
// tests/db/read-rules.test.ts and paid-post-preview.test.ts check that they agree. No
// `server-only`: scripts/bench.ts runs the posts page's SQL (which uses these) through raw `pg`.
import { Prisma } from "@/lib/generated/prisma/client";
import { firstLinkChanged } from "@/lib/link-previews/first-link-changed";
import { parsePostText } from "@/lib/posts/parse-post-text";

/**
 * A locked post shows this much of its text: a third, at most 140 characters, cut at a word.
 * Characters are counted as code points (never splitting an emoji in two), as PostgreSQL counts
 * them: previewSql below is the same rule for search, and tests/db/paid-post-preview.test.ts
 * checks that the two agree.
 */
const PREVIEW_MAX = 140;

export function previewOf(text: string): string {
  const chars = [...text];
  const limit = Math.min(PREVIEW_MAX, Math.floor(chars.length / 3));
  if (limit <= 0) return "";
  const space = chars.slice(0, limit).lastIndexOf(" ");
  const cut = chars.slice(0, space > limit / 2 ? space : limit).join("");
  return `${cut.trimEnd()}…`;
}

/**
 * previewOf in SQL, for the text column `text`: the same characters, without the trailing
 * whitespace trim and the ellipsis (which change no word, so no search match).
 */
export function previewSql(text: Prisma.Sql): Prisma.Sql {
  // `sp`: the last space's position counted from the end of the first `lim` characters (0: none),
  // so the space's index from the start is lim - sp, as lastIndexOf gives it.
  return Prisma.sql`(SELECT CASE
      WHEN lim <= 0 THEN ''
      WHEN sp > 0 AND 2 * (lim - sp) > lim THEN left(${text}, lim - sp)
      ELSE left(${text}, lim) END
    FROM (SELECT lim, strpos(reverse(left(${text}, lim)), ' ') AS sp
          FROM (SELECT least(${Prisma.raw(String(PREVIEW_MAX))}, char_length(${text}) / 3) AS lim) l) x)`;
}

/**
 * Whether `buyerId` has bought the post whose id is `postId` (a column), in SQL: a captured
 * purchase. A refund moves the payment to `refunded`, so it no longer counts.
 */
export function boughtSql(buyerId: string | null, postId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
      SELECT 1 FROM "Payment" bought
      WHERE bought."buyerId" = ${buyerId} AND bought."postId" = ${postId}
        AND bought.kind = 'post_purchase' AND bought.status = 'captured')`;
}

/**
 * boughtSql in Prisma: the buyer's purchase of the post. `orPending` also counts one approved and
 * being captured at PayPal, which a second order could not be captured beside.
 */
export function boughtWhere(
  buyerId: string,
  postId: string,
  { orPending = false }: { orPending?: boolean } = {},
): Prisma.PaymentWhereInput {
  return {
    buyerId,
    postId,
    kind: "post_purchase",
    status: orPending ? { in: ["captured", "approved"] } : "captured",
  };
}

type PaidFields = {
  id: string;
  authorId: string;
  priceAmount: number | null;
  priceCurrency: string | null;
};

/** Whether the viewer may read a post whole: it is free, theirs, or `bought` by them. */
export function readableInFull(
  post: Omit<PaidFields, "id">,
  bought: boolean,
  viewerId: string | null | undefined,
): boolean {
  return post.priceAmount === null || post.authorId === viewerId || bought;
}

/** readableInFull in SQL, for the post row aliased `p`. */
export function readableInFullSql(p: string, viewer: string | null): Prisma.Sql {
  const post = Prisma.raw(p);
  // Signed out, `"authorId" = NULL` would make the whole condition NULL rather than false.
  if (!viewer) return Prisma.sql`(${post}."priceAmount" IS NULL)`;
  return Prisma.sql`(${post}."priceAmount" IS NULL OR ${post}."authorId" = ${viewer}
    OR ${boughtSql(viewer, Prisma.sql`${post}.id`)})`;
}

/** The text the viewer is shown: all of it when they may read it whole, else its preview. */
export function textShown(
  post: Omit<PaidFields, "id"> & { text: string },
  bought: boolean,
  viewerId: string | null | undefined,
): string {
  return readableInFull(post, bought, viewerId) ? post.text : previewOf(post.text);
}

type PaidState = { price: number; currency: string; unlocked: boolean; mediaCount: number };

/** A post's `paid` field: null when free; unlocked for its author and its buyers. */
export function paidState(
  row: PaidFields,
  bought: boolean,
  viewerId: string | undefined,
  mediaCount: number,
): PaidState | null {
  if (row.priceAmount === null || row.priceCurrency === null) return null;
  return {
    price: row.priceAmount,
    currency: row.priceCurrency,
    unlocked: readableInFull(row, bought, viewerId),
    mediaCount,
  };
}

/**
 * A locked paid post keeps a preview of its text and none of its media, and only the hashtags,
 * mentions and link card its preview shows (the others would tell what the locked text says);
 * others pass unchanged.
 */
export function lockPaidPost<
  P extends {
    text: string;
    hashtags: string[];
    mentions: string[];
    media: unknown[];
    paid: PaidState | null;
    linkPreview?: unknown;
  },
>(post: P): P {
  if (!post.paid || post.paid.unlocked) return post;
  const text = previewOf(post.text);
  const shown = parsePostText(text);
  return {
    ...post,
    text,
    hashtags: post.hashtags.filter((tag) => shown.hashtags.includes(tag)),
    mentions: post.mentions.filter((name) => shown.mentions.includes(name.toLowerCase())),
    media: [],
    // The card is for the text's first link: shown when the preview's first link is that one.
    ...(post.linkPreview !== undefined && {
      linkPreview: firstLinkChanged(post.text, text) ? null : post.linkPreview,
    }),
  };
}
