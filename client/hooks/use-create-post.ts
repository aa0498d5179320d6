import {
  useMutation,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import { postKeys, userKeys } from "@/client/query-keys";
import type { TCreatePostBody, TPost } from "@/lib/posts/posts.types";
import type { PostPages } from "./use-post-actions";

/** Puts a new post at the top of a cached list, if that list has been loaded. */
function prepend(client: QueryClient, queryKey: QueryKey, post: TPost) {
  client.setQueryData<PostPages>(queryKey, (data) => {
    const [first, ...rest] = data?.pages ?? [];
    if (!data || !first) return data;
    const items = [post, ...first.items.filter((p) => p.id !== post.id)];
    return { ...data, pages: [{ ...first, items }, ...rest] };
  });
}

/**
 * Publishes a post. On success it shows at the top of the home feed and the author's profile
 * list straight away, without refetching them.
 */
export function useCreatePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreatePostBody) => apiFetch<TPost>("/api/posts", { method: "POST", body }),
    onSuccess: (post) => {
      prepend(client, postKeys.feed(), post);
      prepend(client, postKeys.byUser(post.author.username), post);
      client.setQueryData(postKeys.detail(post.id), post);
      // Explore is ranked by the server and search by its index: refetch them when next shown.
      void client.invalidateQueries({ queryKey: postKeys.explore(), refetchType: "none" });
      void client.invalidateQueries({ queryKey: postKeys.searches(), refetchType: "none" });
      // The post count on the author's profile.
      void client.invalidateQueries({ queryKey: userKeys.profile(post.author.username) });
      void client.invalidateQueries({ queryKey: userKeys.me(), refetchType: "none" });
    },
  });
}

/** Quotes a post: your words above the original. After `onQuoted`, the lists refetch to show it. */
export function useQuotePost(quotedPostId: string, onQuoted: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      apiFetch<TPost>("/api/posts", { method: "POST", body: { text, quotedPostId } }),
    onSuccess: () => {
      onQuoted();
      void client.invalidateQueries({ queryKey: postKeys.lists() });
    },
  });
}
