import "server-only";
import { db } from "@/lib/db";

/** A locked post shows this much of its text: a third, at most 140 characters, cut at a word. */
const PREVIEW_MAX = 140;

export function previewOf(text: string): string {
  const limit = Math.min(PREVIEW_MAX, Math.floor(text.length / 3));
  if (limit <= 0) return "";
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
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

/** A locked paid post keeps a preview of its text and none of its media; others pass unchanged. */
export function lockPaidPost<P extends { text: string; media: unknown[]; paid: PaidState | null }>(
  post: P,
): P {
  if (!post.paid || post.paid.unlocked) return post;
  return { ...post, text: previewOf(post.text), media: [] };
}
