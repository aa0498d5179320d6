import "server-only";
import { db } from "@/lib/db";
import { boughtWhere } from "./paid-post";

/** Whether the viewer has bought this post (boughtWhere: a captured, unrefunded purchase). */
export async function hasBoughtPost(postId: string, viewerId?: string): Promise<boolean> {
  if (!viewerId) return false;
  const purchase = await db.payment.findFirst({
    where: boughtWhere(viewerId, postId),
    select: { id: true },
  });
  return purchase !== null;
}
