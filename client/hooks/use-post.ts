import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { postKeys, userKeys } from "@/client/query-keys";
import type { TPost, TUpdatePostBody } from "@/lib/posts/posts.types";
import { removeCachedPost, setCachedPost } from "./use-post-actions";

export function postPath(id: string): string {
  return `/api/posts/${encodeURIComponent(id)}`;
}

/** One post with its counts and the viewer's state; the post page hydrates it from the server. */
export function usePost(id: string) {
  return useQuery({
    queryKey: postKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<TPost>(postPath(id), { signal }),
    retry: retryUnlessClientError,
  });
}

/** Edits the viewer's own post; every cached copy takes the new text, and its history refreshes. */
export function useEditPost(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdatePostBody) => apiFetch<TPost>(postPath(id), { method: "PUT", body }),
    onSuccess: (post) => {
      setCachedPost(client, post);
      void client.invalidateQueries({ queryKey: postKeys.history(id) });
      // Hashtags may have changed: search results are refetched when next shown.
      void client.invalidateQueries({ queryKey: postKeys.searches(), refetchType: "none" });
    },
  });
}

/** Deletes the viewer's own post and takes it out of every cached list. */
export function useDeletePost(post: Pick<TPost, "id" | "author">) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(postPath(post.id), { method: "DELETE" }),
    onSuccess: () => {
      removeCachedPost(client, post.id);
      // The author's post count on their profile.
      void client.invalidateQueries({ queryKey: userKeys.profile(post.author.username) });
      void client.invalidateQueries({ queryKey: userKeys.me(), refetchType: "none" });
    },
  });
}
