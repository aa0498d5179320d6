import "server-only";
import { db } from "@/lib/db";
import type { TMedia } from "./media.types";
import { MEDIA_SELECT, toMedia } from "./to-media";

/** The media of many posts in one query, by post id, each list in position order. */
export async function loadPostMedia(postIds: string[]): Promise<Map<string, TMedia[]>> {
  const byPost = new Map<string, TMedia[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db.media.findMany({
    where: { postId: { in: postIds } },
    orderBy: [{ postId: "asc" }, { position: "asc" }],
    select: { ...MEDIA_SELECT, postId: true },
  });
  for (const { postId, ...row } of rows) {
    if (!postId) continue;
    byPost.set(postId, [...(byPost.get(postId) ?? []), toMedia(row)]);
  }
  return byPost;
}
