import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import { pagedQuery } from "@/client/paged-query";
import { postKeys } from "@/client/query-keys";
import type { Page } from "@/lib/api/page.types";
import type { TComment, TPost } from "@/lib/posts/posts.types";
import { updateCachedPost } from "./use-post-actions";

export const COMMENTS_PAGE_SIZE = 20;
/** Replies load a few at a time ("View N more replies"), as Instagram's and Bluesky's do. */
export const REPLIES_PAGE_SIZE = 5;

type CommentPages = InfiniteData<Page<TComment>, string | null>;

const commentsPath = (postId: string) => `/api/posts/${encodeURIComponent(postId)}/comments`;
const repliesPath = (commentId: string) => `/api/comments/${encodeURIComponent(commentId)}/replies`;

/** A post's top-level comments, oldest first, a page at a time. */
export function useComments(postId: string) {
  return useInfiniteQuery(
    pagedQuery<TComment>(postKeys.comments(postId), commentsPath(postId), COMMENTS_PAGE_SIZE),
  );
}

/** The replies under a comment, oldest first; fetched only once they are asked for. */
export function useReplies(postId: string, commentId: string, enabled: boolean) {
  return useInfiniteQuery({
    ...pagedQuery<TComment>(
      postKeys.replies(postId, commentId),
      repliesPath(commentId),
      REPLIES_PAGE_SIZE,
    ),
    enabled,
  });
}

const bumpComments =
  (delta: number) =>
  (post: TPost): TPost => ({
    ...post,
    counts: { ...post.counts, comments: Math.max(0, post.counts.comments + delta) },
  });

/** Applies `edit` to every loaded page of a comment list (top-level or replies). */
function editPages(
  client: QueryClient,
  key: readonly unknown[],
  edit: (items: TComment[]) => TComment[],
) {
  client.setQueryData<CommentPages>(key, (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: edit(page.items) })) }
      : data,
  );
}

/** Puts a new comment at the end of a loaded list (oldest first; the list hides duplicates). */
function append(client: QueryClient, key: readonly unknown[], comment: TComment) {
  client.setQueryData<CommentPages>(key, (data) => {
    if (!data || data.pages.length === 0) return data;
    const pages = [...data.pages];
    const last = pages[pages.length - 1]!;
    pages[pages.length - 1] = { ...last, items: [...last.items, comment] };
    return { ...data, pages };
  });
}

export type TNewComment = { text: string; parentId?: string };

/**
 * Adds a comment, or a reply (`parentId`). It goes at the end of the loaded comments, or of the
 * loaded replies of the top-level comment it is filed under (whose reply count goes up), at
 * once; and the post's comment count goes up everywhere it is shown.
 */
export function useAddComment(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TNewComment) =>
      apiFetch<TComment>(commentsPath(postId), { method: "POST", body }),
    onSuccess: (comment) => {
      const { parentId } = comment;
      if (parentId) {
        append(client, postKeys.replies(postId, parentId), comment);
        editPages(client, postKeys.comments(postId), (items) =>
          items.map((c) => (c.id === parentId ? { ...c, replyCount: c.replyCount + 1 } : c)),
        );
      } else {
        append(client, postKeys.comments(postId), comment);
      }
      updateCachedPost(client, postId, bumpComments(1));
    },
  });
}

/**
 * Deletes a comment (the viewer's own, or any on the viewer's post). One with replies turns into
 * a "[deleted]" placeholder, as the server keeps it; a reply leaves its thread, and a placeholder
 * left with no replies goes as well.
 */
export function useDeleteComment(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (comment: TComment) =>
      apiFetch<void>(`/api/comments/${encodeURIComponent(comment.id)}`, { method: "DELETE" }),
    onSuccess: (_nothing, comment) => {
      const { parentId } = comment;
      if (parentId) {
        editPages(client, postKeys.replies(postId, parentId), (items) =>
          items.filter((c) => c.id !== comment.id),
        );
        editPages(client, postKeys.comments(postId), (items) =>
          items.flatMap((c) => {
            if (c.id !== parentId) return [c];
            const replyCount = Math.max(0, c.replyCount - 1);
            return c.deleted && replyCount === 0 ? [] : [{ ...c, replyCount }];
          }),
        );
      } else {
        editPages(client, postKeys.comments(postId), (items) =>
          items.flatMap((c) => {
            if (c.id !== comment.id) return [c];
            if (c.replyCount === 0) return [];
            return [
              {
                ...c,
                deleted: true,
                text: "",
                author: null,
                viewer: c.viewer && { canDelete: false },
              },
            ];
          }),
        );
      }
      updateCachedPost(client, postId, bumpComments(-1));
    },
  });
}
