import "server-only";
import { queryRows } from "@/lib/db";
import { toLinkPreview } from "@/lib/link-previews/to-link-preview";
import { toMedia } from "@/lib/media/to-media";
import { lockPaidPost, paidState, textShown } from "@/lib/payments/paid-post";
import { toUserSummary } from "@/lib/users/public-user";
import type { TUserSummary } from "@/lib/users/users.types";
import {
  postsPageName,
  postsPageSql,
  type PostPageRow,
  type PostsPageOptions,
} from "./posts-page-sql";
import type { TPost } from "./posts.types";

/**
 * Posts by id, in the order given, with everything a list shows: author, counts, tags,
 * mentions, reactions per emoji, media and the viewer's own state, in one prepared SQL statement
 * however many posts (see posts-page-sql.ts). `visibleOnly` for ids not picked for this viewer.
 */
export async function loadPosts(
  ids: string[],
  viewerId?: string,
  options: PostsPageOptions = {},
): Promise<TPost[]> {
  if (ids.length === 0) return [];
  const viewer = viewerId ?? null;
  const rows = await queryRows<PostPageRow>(postsPageSql(ids, viewer, options), {
    name: postsPageName(viewer, options),
  });

  return rows.map((row) => toPagePost(row, viewerId));
}

/** A row of postsPageSql as the viewer may see it. */
export function toPagePost(
  row: PostPageRow,
  viewerId: string | undefined,
  repostedBy: TUserSummary | null = null,
): TPost {
  // A paid post the viewer hasn't bought keeps a preview of its text and none of its media, and
  // its link's card only when that preview shows the link.
  return { ...lockPaidPost(toPost(row, viewerId)), repostedBy };
}

/** A quote's original as the viewer may see it: a paid one they haven't bought as a preview. */
function toQuoted(row: PostPageRow, viewerId: string | undefined): TPost["quoted"] {
  if (!row.quotedPostId) return null;
  const q = row.quoted;
  if (!q) return { id: row.quotedPostId, available: false, post: null };
  return {
    id: q.id,
    available: true,
    post: {
      author: toUserSummary(q.author, null),
      text: textShown(q, q.bought, viewerId),
      contentWarning: q.contentWarning,
      createdAt: q.createdAt,
    },
  };
}

function toPost(row: PostPageRow, viewerId: string | undefined): TPost {
  const author = toUserSummary(
    row.author,
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
    counts: {
      likes: row.likeCount,
      comments: row.commentCount,
      reactions: row.reactionCount,
      reposts: row.repostCount,
      quotes: row.quoteCount,
    },
    reactions: row.reactions,
    // A paid post's media go out as signed, expiring URLs (locked ones not at all, lockPaidPost).
    media: row.media.map((media) => toMedia(media, { signed: row.priceAmount !== null })),
    viewer: viewerId
      ? {
          liked: row.liked,
          saved: row.saved,
          reposted: row.reposted,
          reactions: row.myReactions,
          isAuthor: row.authorId === viewerId,
        }
      : null,
    paid: paidState(row, row.bought, viewerId, row.media.length),
    quoted: toQuoted(row, viewerId),
    linkPreview: toLinkPreview(row.linkPreview),
    repostedBy: null,
  };
}
