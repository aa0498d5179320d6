import {
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import { discoveryKeys, mutationKeys, userKeys } from "@/client/query-keys";
import type { TSuggestedUser } from "@/lib/discovery/discovery.types";
import type { Page } from "@/lib/api/page.types";
import type {
  TCurrentUser,
  TPublicUser,
  TUserSummary,
  TViewerRelation,
} from "@/lib/users/users.types";

export type FollowTarget = { id: string; username: string };

type UserPages = InfiniteData<Page<TUserSummary>>;

function withRelation<T extends { id: string; viewer: TViewerRelation | null }>(
  user: T,
  targetId: string,
  following: boolean,
): T {
  if (user.id !== targetId || !user.viewer || user.viewer.following === following) return user;
  return { ...user, viewer: { ...user.viewer, following } };
}

/**
 * Moves every cached copy of the target (its profile, and its rows in follow lists and search
 * results) to `following`, and the counts on both sides by one. Each step checks the current
 * relation first, so applying the same change twice does nothing and rolling back is just
 * applying the opposite change.
 */
function applyFollow(
  client: QueryClient,
  target: FollowTarget,
  following: boolean,
  viewerUsername: string | undefined,
) {
  const delta = following ? 1 : -1;
  let changed = false;

  client.setQueryData<TPublicUser>(userKeys.profile(target.username), (profile) => {
    if (!profile?.viewer || profile.viewer.following === following) return profile;
    changed = true;
    return {
      ...withRelation(profile, target.id, following),
      stats: { ...profile.stats, followers: Math.max(0, profile.stats.followers + delta) },
    };
  });

  const updatePages = (pages: UserPages | undefined) =>
    pages && {
      ...pages,
      pages: pages.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => withRelation(item, target.id, following)),
      })),
    };
  client.setQueriesData<UserPages>({ queryKey: userKeys.followLists() }, updatePages);
  client.setQueriesData<UserPages>({ queryKey: userKeys.searches() }, updatePages);
  client.setQueriesData<{ items: TSuggestedUser[] }>(
    { queryKey: discoveryKeys.suggestions() },
    (list) => list && { items: list.items.map((u) => withRelation(u, target.id, following)) },
  );

  // The viewer's own "following" count, when their profile or account is cached.
  if (!viewerUsername || !changed) return;
  const bump = <T extends TPublicUser | TCurrentUser>(user: T | undefined) =>
    user && {
      ...user,
      stats: { ...user.stats, following: Math.max(0, user.stats.following + delta) },
    };
  client.setQueryData<TPublicUser>(userKeys.profile(viewerUsername), bump);
  client.setQueryData<TCurrentUser | null>(userKeys.me(), (me) => bump(me ?? undefined) ?? me);
}

/**
 * Follow or unfollow `target`, optimistically: the button, counts and lists change at once and
 * go back if the server refuses. Afterwards the profiles involved are refetched for true counts.
 */
export function useFollow(target: FollowTarget) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.follow(target.id),
    mutationFn: (follow: boolean) =>
      apiFetch<{ following: boolean }>(`/api/users/${encodeURIComponent(target.id)}/follow`, {
        method: follow ? "POST" : "DELETE",
      }),
    onMutate: async (follow) => {
      await client.cancelQueries({ queryKey: userKeys.profile(target.username) });
      const viewerUsername = client.getQueryData<TCurrentUser | null>(userKeys.me())?.username;
      applyFollow(client, target, follow, viewerUsername);
      return { viewerUsername };
    },
    onError: (_error, follow, context) => {
      applyFollow(client, target, !follow, context?.viewerUsername);
    },
    onSettled: (_data, _error, _follow, context) => {
      void client.invalidateQueries({ queryKey: userKeys.profile(target.username) });
      // Lists are only marked stale: refetching one now would make the row just (un)followed
      // jump or vanish under the pointer.
      void client.invalidateQueries({
        queryKey: userKeys.followList("followers", target.username),
        refetchType: "none",
      });
      const viewerUsername = context?.viewerUsername;
      if (!viewerUsername) return;
      void client.invalidateQueries({ queryKey: userKeys.profile(viewerUsername) });
      void client.invalidateQueries({ queryKey: userKeys.me() });
      void client.invalidateQueries({
        queryKey: userKeys.followList("following", viewerUsername),
        refetchType: "none",
      });
    },
  });
}
