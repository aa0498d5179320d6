import "server-only";
import { db } from "@/lib/db";
import { loadPostMedia } from "@/lib/media/load-post-media";
import { loadPostUnlocks, lockPaidPost, paidState } from "@/lib/payments/paid-post";
import { loadViewerRelations } from "@/lib/users/load-viewer-relations";
import { USER_SUMMARY_SELECT, toUserSummary } from "@/lib/users/public-user";
import type { TPost } from "./posts.types";

/**
 * Posts by id, in the order given, with everything a list shows: author, counts, reactions per
 * emoji and the viewer's own state. A fixed number of queries however many posts: the counts
 * are columns, and each relation is one `IN (...)` query for the whole page.
 */
export async function loadPosts(ids: string[], viewerId?: string): Promise<TPost[]> {
  if (ids.length === 0) return [];
  const [rows, likes, saves, reactions, media, unlocks] = await Promise.all([
    db.post.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        authorId: true,
        text: true,
        contentWarning: true,
        priceAmount: true,
        priceCurrency: true,
        createdAt: true,
        editedAt: true,
        likeCount: true,
        commentCount: true,
        reactionCount: true,
        author: { select: USER_SUMMARY_SELECT },
        tags: { select: { tag: true } },
        mentions: { select: { user: { select: { username: true } } } },
        reactionCounts: { where: { count: { gt: 0 } }, select: { emoji: true, count: true } },
      },
    }),
    viewerId
      ? db.like.findMany({
          where: { userId: viewerId, postId: { in: ids } },
          select: { postId: true },
        })
      : [],
    viewerId
      ? db.save.findMany({
          where: { userId: viewerId, postId: { in: ids } },
          select: { postId: true },
        })
      : [],
    viewerId
      ? db.reaction.findMany({
          where: { userId: viewerId, postId: { in: ids } },
          select: { postId: true, emoji: true },
        })
      : [],
    loadPostMedia(ids),
    loadPostUnlocks(ids, viewerId),
  ]);

  const relations = await loadViewerRelations(viewerId, [...new Set(rows.map((r) => r.authorId))]);
  const liked = new Set(likes.map((l) => l.postId));
  const saved = new Set(saves.map((s) => s.postId));
  const reactedBy = new Map<string, string[]>();
  for (const r of reactions) reactedBy.set(r.postId, [...(reactedBy.get(r.postId) ?? []), r.emoji]);

  const byId = new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        author: toUserSummary(row.author, relations.get(row.authorId) ?? null),
        text: row.text,
        contentWarning: row.contentWarning,
        hashtags: row.tags.map((t) => t.tag).sort(),
        mentions: row.mentions.map((m) => m.user.username).sort(),
        createdAt: row.createdAt.toISOString(),
        editedAt: row.editedAt?.toISOString() ?? null,
        counts: { likes: row.likeCount, comments: row.commentCount, reactions: row.reactionCount },
        reactions: row.reactionCounts
          .sort((a, b) => b.count - a.count || a.emoji.localeCompare(b.emoji))
          .map(({ emoji, count }) => ({ emoji, count })),
        media: media.get(row.id) ?? [],
        viewer: viewerId
          ? {
              liked: liked.has(row.id),
              saved: saved.has(row.id),
              reactions: reactedBy.get(row.id) ?? [],
              isAuthor: row.authorId === viewerId,
            }
          : null,
        paid: paidState(row, unlocks, viewerId, media.get(row.id)?.length ?? 0),
      } satisfies TPost,
    ]),
  );
  // A paid post the viewer hasn't bought keeps a preview of its text and none of its media.
  return ids.flatMap((id) => byId.get(id) ?? []).map(lockPaidPost);
}
