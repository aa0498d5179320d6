import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import { userKeys } from "@/client/query-keys";
import type { TCurrentUser, TPublicUser } from "@/lib/users/users.types";

/**
 * Pins one of the viewer's posts to their profile (null unpins). The profile and the viewer's
 * account take the answer at once, so the menu's label and the profile's pinned post follow.
 */
export function usePinPost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pinnedPostId: string | null) =>
      apiFetch<TCurrentUser>("/api/users/profile", { method: "PUT", body: { pinnedPostId } }),
    onSuccess: (me) => {
      const { email: _email, role: _role, ...profile } = me;
      client.setQueryData(userKeys.me(), me);
      client.setQueryData<TPublicUser>(userKeys.profile(me.username), (cached) =>
        cached ? { ...cached, pinnedPostId: profile.pinnedPostId } : cached,
      );
    },
  });
}
