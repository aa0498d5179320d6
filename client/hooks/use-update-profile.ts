import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { apiFetch } from "@/client/api-fetch";
import type { MutationCallbacks } from "@/client/mutation-callbacks";
import { postKeys, userKeys } from "@/client/query-keys";
import type { TCurrentUser, TUpdateProfileBody } from "@/lib/users/users.types";

/** Saves profile fields, or points the profile at another photo or banner. */
export function saveProfile(body: TUpdateProfileBody): Promise<TCurrentUser> {
  return apiFetch<TCurrentUser>("/api/users/profile", { method: "PUT", body });
}

/** Saves the profile form's fields. */
export function useSaveProfile(callbacks: MutationCallbacks<TCurrentUser, TUpdateProfileBody>) {
  return useMutation({ mutationFn: saveProfile, ...callbacks });
}

/**
 * After any save (the fields, the photo or the banner): every cached copy of the viewer follows.
 * `previousUsername` is the name the profile was cached under before this save.
 */
export function useCacheSavedProfile() {
  const client = useQueryClient();
  return useCallback(
    (updated: TCurrentUser, previousUsername: string) => {
      const { email: _email, ...profile } = updated;
      client.setQueryData(userKeys.me(), updated);
      if (updated.username !== previousUsername) {
        client.removeQueries({ queryKey: userKeys.profile(previousUsername) });
      }
      client.setQueryData(userKeys.profile(updated.username), profile);
      // Search results, lists, posts and comments hold the old name and photo: let them fetch
      // again when next shown.
      void client.invalidateQueries({ queryKey: userKeys.searches(), refetchType: "none" });
      void client.invalidateQueries({ queryKey: userKeys.followLists(), refetchType: "none" });
      void client.invalidateQueries({ queryKey: postKeys.all, refetchType: "none" });
    },
    [client],
  );
}
