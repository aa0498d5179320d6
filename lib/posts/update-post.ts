import "server-only";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish-event";
import { publishMentions } from "@/lib/events/publish-mentions";
import { firstLinkChanged } from "@/lib/link-previews/first-link-changed";
import { findPostForAuthor } from "./find-post-for-author";
import { loadPosts } from "./load-posts";
import type { TPost, TUpdatePostBody } from "./posts.types";
import { syncPostLinks } from "./sync-post-links";

/**
 * Edits the viewer's own post. The version it replaces is kept in PostEdit so readers can see
 * what changed; an edit that changes nothing writes nothing.
 */
export async function updatePost(
  postId: string,
  viewerId: string,
  input: TUpdatePostBody,
): Promise<TPost> {
  await db.$transaction(async (tx) => {
    const post = await findPostForAuthor(tx, postId, viewerId);
    const text = input.text ?? post.text;
    const contentWarning =
      input.contentWarning === undefined ? post.contentWarning : input.contentWarning;
    if (text === post.text && contentWarning === post.contentWarning) return;

    await tx.postEdit.create({
      data: {
        postId,
        text: post.text,
        contentWarning: post.contentWarning,
        writtenAt: post.editedAt ?? post.createdAt,
      },
    });
    await tx.post.update({
      where: { id: postId, authorId: viewerId },
      data: { text, contentWarning, editedAt: new Date() },
    });
    if (text === post.text) return;
    const userIds = await syncPostLinks(tx, postId, text, post.createdAt);
    await publishMentions(tx, { actorId: viewerId, postId, userIds });
    if (firstLinkChanged(post.text, text)) await publishEvent(tx, "post.link.changed", { postId });
  });
  const [post] = await loadPosts([postId], viewerId);
  return post!;
}
