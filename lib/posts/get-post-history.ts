import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { hasBoughtPost } from "@/lib/payments/has-bought-post";
import { readableInFull } from "@/lib/payments/paid-post";
import type { TPostHistory } from "./posts.types";

/**
 * A post's current text and every earlier version, newest first. Public, like the post, except
 * for a paid post, whose history only its author and buyers may read.
 */
export async function getPostHistory(postId: string, viewerId?: string): Promise<TPostHistory> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      text: true,
      contentWarning: true,
      createdAt: true,
      editedAt: true,
      authorId: true,
      priceAmount: true,
      priceCurrency: true,
      edits: {
        orderBy: { writtenAt: "desc" },
        select: { text: true, contentWarning: true, writtenAt: true },
      },
    },
  });
  if (!post) throw new ApiError("not_found", "No such post.");
  if (!readableInFull(post, await hasBoughtPost(post.id, viewerId), viewerId)) {
    throw new ApiError("forbidden", "Buy this post to read it and its history.");
  }
  return {
    postId: post.id,
    current: {
      text: post.text,
      contentWarning: post.contentWarning,
      writtenAt: (post.editedAt ?? post.createdAt).toISOString(),
    },
    earlier: post.edits.map((e) => ({ ...e, writtenAt: e.writtenAt.toISOString() })),
  };
}
