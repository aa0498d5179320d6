import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import { pagedQuery } from "@/client/paged-query";
import { postKeys } from "@/client/query-keys";
import type { Page } from "@/lib/api/page.types";
import type { TComment, TPost } from "@/lib/posts/posts.types";
import { updateCachedPost } from "./use-post-actions";

export const COMMENTS_PAGE_SIZE = 20;

type CommentPages = InfiniteData<Page<TComment>, string | null>;

const commentsPath = (postId: string) => `/api/posts/${encodeURIComponent(postId)}/comments`;

/** A post's comments, oldest first, a page at a time. */
export function useComments(postId: string) {
  return useInfiniteQuery(
    pagedQuery<TComment>(postKeys.comments(postId), commentsPath(postId), COMMENTS_PAGE_SIZE),
  );
}

const bumpComments =
  (delta: number) =>
  (post: TPost): TPost => ({
    ...post,
    counts: { ...post.counts, comments: Math.max(0, post.counts.comments + delta) },
  });

/**
 * Adds a comment. It goes at the end of the loaded comments at once (the list is oldest first,
 * and the list hides duplicates if a later page brings it again), and the post's comment count
 * goes up everywhere it is shown.
 */
export function useAddComment(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      apiFetch<TComment>(commentsPath(postId), { method: "POST", body: { text } }),
    onSuccess: (comment) => {
      client.setQueryData<CommentPages>(postKeys.comments(postId), (data) => {
        if (!data || data.pages.length === 0) return data;
        const pages = [...data.pages];
        const last = pages[pages.length - 1]!;
        pages[pages.length - 1] = { ...last, items: [...last.items, comment] };
        return { ...data, pages };
      });
      updateCachedPost(client, postId, bumpComments(1));
    },
  });
}

/** Deletes a comment (the viewer's own, or any on the viewer's post). */
export function useDeleteComment(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) =>
      apiFetch<void>(`/api/comments/${encodeURIComponent(commentId)}`, { method: "DELETE" }),
    onSuccess: (_nothing, commentId) => {
      client.setQueryData<CommentPages>(postKeys.comments(postId), (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((c) => c.id !== commentId),
              })),
            }
          : data,
      );
      updateCachedPost(client, postId, bumpComments(-1));
    },
  });
}
