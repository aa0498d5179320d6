import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { removeCommentRow } from "./remove-comment-row";

/**
 * Deletes a comment, as its author or as the author of the post it is on (403 for anyone else,
 * 404 when unknown). One with replies stays as a "[deleted]" placeholder for them
 * (removeCommentRow, which keeps the counters right).
 */
export async function deleteComment(commentId: string, viewerId: string): Promise<void> {
  // Prisma reads an undefined filter as "no filter": never let a missing id reach the write.
  if (!viewerId) throw new ApiError("unauthorized", "Sign in, or send a bearer token.");
  await db.$transaction(async (tx) => {
    await removeCommentRow(tx, commentId, viewerId);
  });
}
