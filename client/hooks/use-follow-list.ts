import { useInfiniteQuery } from "@tanstack/react-query";
import { pagedQuery } from "@/client/paged-query";
import { userKeys, type FollowListKind } from "@/client/query-keys";
import type { TUserSummary } from "@/lib/users/users.types";

export const FOLLOW_LIST_PAGE_SIZE = 20;

/** A user's followers, or the people they follow, a page at a time, newest first. */
export function useFollowList(kind: FollowListKind, username: string) {
  return useInfiniteQuery(
    pagedQuery<TUserSummary>(
      userKeys.followList(kind, username),
      `/api/users/${encodeURIComponent(username)}/${kind}`,
      FOLLOW_LIST_PAGE_SIZE,
    ),
  );
}
