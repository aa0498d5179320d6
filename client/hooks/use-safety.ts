import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";
import { postKeys, userKeys } from "@/client/query-keys";
import type { TBlockState, TMuteState } from "@/lib/safety/safety.types";

export const safetyKeys = {
  all: ["safety"] as const,
  state: (userId: string) => ["safety", "state", userId] as const,
  lists: () => ["safety", "list"] as const,
  list: (kind: "blocks" | "mutes") => ["safety", "list", kind] as const,
  mutedWords: () => ["safety", "muted-words"] as const,
};

export type SafetyTarget = { id: string; username: string };

/** Whether the viewer blocks and mutes `target`: the profile's menu labels come from this. */
export function useSafetyState(target: SafetyTarget, enabled = true) {
  return useQuery({
    queryKey: safetyKeys.state(target.id),
    enabled,
    queryFn: async () => {
      const ref = encodeURIComponent(target.id);
      const [block, mute] = await Promise.all([
        apiFetch<TBlockState>(`/api/users/${ref}/block`),
        apiFetch<TMuteState>(`/api/users/${ref}/mute`),
      ]);
      return { blocking: block.blocking, muting: mute.muting };
    },
  });
}

/**
 * Block/unblock or mute/unmute `target`. Afterwards every post list, the profile, follow lists
 * and the safety lists are refetched: what the viewer may see has changed everywhere.
 */
export function useSafetyAction(target: SafetyTarget, kind: "block" | "mute") {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [kind, target.id],
    mutationFn: (on: boolean) =>
      apiFetch<TBlockState | TMuteState>(`/api/users/${encodeURIComponent(target.id)}/${kind}`, {
        method: on ? "POST" : "DELETE",
      }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: safetyKeys.all });
      void client.invalidateQueries({ queryKey: postKeys.lists() });
      void client.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}
