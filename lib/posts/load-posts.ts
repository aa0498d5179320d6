import "server-only";
import { queryRows } from "@/lib/db";
import { toMedia } from "@/lib/media/to-media";
import { lockPaidPost, paidState } from "@/lib/payments/paid-post";
import { toUserSummary } from "@/lib/users/public-user";
import { postsPageSql, type PostPageRow } from "./posts-page-sql";
import type { TPost } from "./posts.types";

/**
 * Posts by id, in the order given, with everything a list shows: author, counts, tags,
 * mentions, reactions per emoji, media and the viewer's own state, in one SQL statement
 * however many posts (see posts-page-sql.ts).
 */
export async function loadPosts(ids: string[], viewerId?: string): Promise<TPost[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<PostPageRow>(postsPageSql(ids, viewerId ?? null));

  // A paid post the viewer hasn't bought keeps a preview of its text and none of its media.
  return rows.map((row) => lockPaidPost(toPost(row, viewerId)));
}

function toPost(row: PostPageRow, viewerId: string | undefined): TPost {
  const author = toUserSummary(
    { ...row, id: row.authorId, avatar: row.avatarKey ? { thumbnailKey: row.avatarKey } : null },
    viewerId
      ? { isSelf: row.authorId === viewerId, following: row.following, followsYou: row.followsYou }
      : null,
  );
  return {
    id: row.id,
    author,
    text: row.text,
    contentWarning: row.contentWarning,
    hashtags: row.hashtags,
    mentions: row.mentions,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    counts: { likes: row.likeCount, comments: row.commentCount, reactions: row.reactionCount },
    reactions: row.reactions,
    media: row.media.map(toMedia),
    viewer: viewerId
      ? {
          liked: row.liked,
          saved: row.saved,
          reactions: row.myReactions,
          isAuthor: row.authorId === viewerId,
        }
      : null,
    paid: paidState(row, row.bought, viewerId, row.media.length),
  };
}
