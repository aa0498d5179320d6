import "server-only";
import { db, Prisma } from "@/lib/db";
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
 * Whether `viewer` may read post `p` whole, in SQL: free, theirs, or bought (a captured,
 * unrefunded purchase, as hasBoughtPost and paidState decide it).
 */
export function readableInFullSql(p: string, viewer: string | null): Prisma.Sql {
  const post = Prisma.raw(p);
  return Prisma.sql`(${post}."priceAmount" IS NULL OR ${post}."authorId" = ${viewer}
    OR EXISTS (
      SELECT 1 FROM "Payment" bought
      WHERE bought."buyerId" = ${viewer} AND bought."postId" = ${post}.id
        AND bought.kind = 'post_purchase' AND bought.status = 'captured'))`;
}

/** Whether the viewer has bought this post (a captured, unrefunded purchase). */
export async function hasBoughtPost(postId: string, viewerId?: string): Promise<boolean> {
  if (!viewerId) return false;
  const purchase = await db.payment.findFirst({
    where: { buyerId: viewerId, postId, kind: "post_purchase", status: "captured" },
    select: { id: true },
  });
  return purchase !== null;
}

type PaidFields = {
  id: string;
  authorId: string;
  priceAmount: number | null;
  priceCurrency: string | null;
};
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
    unlocked: row.authorId === viewerId || bought,
    mediaCount,
  };
}

/**
 * A locked paid post keeps a preview of its text and none of its media, and only the hashtags
 * and mentions its preview shows (the others would tell what the locked text says); others pass
 * unchanged.
 */
export function lockPaidPost<
  P extends {
    text: string;
    hashtags: string[];
    mentions: string[];
    media: unknown[];
    paid: PaidState | null;
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
  };
}
