import "server-only";
import type { Tx } from "@/lib/db";
import { parsePostText } from "./parse-post-text";

/**
 * Replaces a post's hashtag and mention rows with what its text says now. Mentions are kept
 * only for usernames that exist; returns the ids of the users mentioned.
 */
export async function syncPostLinks(tx: Tx, postId: string, text: string, createdAt: Date) {
  const { hashtags, mentions } = parsePostText(text);
  await tx.postTag.deleteMany({ where: { postId } });
  await tx.postMention.deleteMany({ where: { postId } });
  if (hashtags.length) {
    await tx.postTag.createMany({ data: hashtags.map((tag) => ({ postId, tag, createdAt })) });
  }
  const users = mentions.length
    ? await tx.user.findMany({ where: { username: { in: mentions } }, select: { id: true } })
    : [];
  if (users.length) {
    await tx.postMention.createMany({ data: users.map((u) => ({ postId, userId: u.id })) });
  }
  return users.map((u) => u.id);
}
