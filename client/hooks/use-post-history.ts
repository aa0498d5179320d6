import { useQuery } from "@tanstack/react-query";
import { apiFetch, retryUnlessClientError } from "@/client/api-fetch";
import { postKeys } from "@/client/query-keys";
import type { TPostHistory } from "@/lib/posts/posts.types";

/** A post's current and earlier versions, newest first; fetched only while `enabled`. */
export function usePostHistory(postId: string, enabled = true) {
  return useQuery({
    queryKey: postKeys.history(postId),
    queryFn: ({ signal }) =>
      apiFetch<TPostHistory>(`/api/posts/${encodeURIComponent(postId)}/history`, { signal }),
    enabled,
    retry: retryUnlessClientError,
  });
}
