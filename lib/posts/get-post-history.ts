import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { TPostHistory } from "./posts.types";

/** A post's current text and every earlier version, newest first. Public, like the post. */
export async function getPostHistory(postId: string): Promise<TPostHistory> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      text: true,
      contentWarning: true,
      createdAt: true,
      editedAt: true,
      edits: {
        orderBy: { writtenAt: "desc" },
        select: { text: true, contentWarning: true, writtenAt: true },
      },
    },
  });
  if (!post) throw new ApiError("not_found", "No such post.");
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
