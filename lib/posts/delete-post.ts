import "server-only";
import { db } from "@/lib/db";
import { deleteMediaFiles, mediaFileKeys } from "@/lib/media/delete-media-files";
import { findPostForAuthor } from "./find-post-for-author";

/**
 * Deletes the viewer's own post and everything hanging off it (likes, reactions, saves,
 * comments, edits, tags, mentions and media rows go by ON DELETE CASCADE), and takes its numbers
 * off the author's counters in the same transaction. The media's files are deleted once that has
 * committed: a rolled-back delete must not lose them, and a file that fails to go is only logged.
 */
export async function deletePost(postId: string, viewerId: string): Promise<void> {
  const media = await db.$transaction(async (tx) => {
    const post = await findPostForAuthor(tx, postId, viewerId);
    // The post row is locked, so no media can be attached to it between this read and the delete.
    const attached = await tx.media.findMany({
      where: { postId },
      select: { fileKey: true, thumbnailKey: true, posterKey: true },
    });
    await tx.post.delete({ where: { id: postId, authorId: viewerId } });
    await tx.user.update({
      where: { id: viewerId },
      data: { postsCount: { decrement: 1 }, likesReceivedCount: { decrement: post.likeCount } },
    });
    return attached;
  });
  await deleteMediaFiles(media.flatMap(mediaFileKeys));
}
