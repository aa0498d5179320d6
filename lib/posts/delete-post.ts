import "server-only";
import { liveTransaction } from "@/lib/streaming/live-transaction";
import { deleteMediaFiles, mediaFileKeys } from "@/lib/media/delete-media-files";
import { deletePostRows } from "./delete-post-rows";
import { findPostForAuthor } from "./find-post-for-author";

/**
 * Deletes the viewer's own post and everything hanging off it (likes, reactions, saves,
 * comments, edits, tags, mentions and media rows go by ON DELETE CASCADE), and takes its numbers
 * off the author's counters in the same transaction. The media's files are deleted once that has
 * committed: a rolled-back delete must not lose them, and a file that fails to go is only logged.
 */
export async function deletePost(postId: string, viewerId: string): Promise<void> {
  const media = await liveTransaction(async (tx) => {
    // Locks the row and checks it is the viewer's; the delete itself is shared with moderators.
    const post = await findPostForAuthor(tx, postId, viewerId);
    return deletePostRows(tx, post);
  });
  await deleteMediaFiles(media.flatMap(mediaFileKeys));
}
