import "server-only";
import type { Tx } from "@/lib/db";
import { parsePostText } from "@/lib/posts/parse-post-text";
import { publishEvent } from "./publish-event";

/**
 * Publishes user.mentioned for each user @mentioned: given by id (a post's mentions, as
 * syncPostLinks resolved them) or found in `text` (a comment). The actor is never told about
 * their own mention. A mention published again (an edit that keeps it) is notified once: the
 * notification is keyed by post, comment and user.
 */
export async function publishMentions(
  tx: Tx,
  {
    actorId,
    postId,
    commentId = null,
    ...mentioned
  }: { actorId: string; postId: string; commentId?: string | null } & (
    { userIds: string[] } | { text: string }
  ),
): Promise<void> {
  let userIds: string[];
  if ("userIds" in mentioned) {
    userIds = mentioned.userIds;
  } else {
    const { mentions } = parsePostText(mentioned.text);
    const users = mentions.length
      ? await tx.user.findMany({ where: { username: { in: mentions } }, select: { id: true } })
      : [];
    userIds = users.map((user) => user.id);
  }
  for (const mentionedUserId of new Set(userIds)) {
    if (mentionedUserId === actorId) continue;
    await publishEvent(tx, "user.mentioned", { mentionedUserId, actorId, postId, commentId });
  }
}
