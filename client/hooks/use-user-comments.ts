import { useInfiniteQuery } from "@tanstack/react-query";
import { pagedQuery } from "@/client/paged-query";
import { postKeys } from "@/client/query-keys";
import type { TUserComment } from "@/lib/discovery/discovery.types";

export const USER_COMMENTS_PAGE_SIZE = 20;

/** A profile's Replies tab: the user's comments with their posts, a page at a time. */
export function useUserComments(username: string) {
  return useInfiniteQuery(
    pagedQuery<TUserComment>(
      postKeys.byUserComments(username),
      `/api/users/${encodeURIComponent(username)}/comments`,
      USER_COMMENTS_PAGE_SIZE,
    ),
  );
}
