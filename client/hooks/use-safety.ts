import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/client/api-fetch";
import type { MutationCallbacks } from "@/client/mutation-callbacks";
import { pagedQuery } from "@/client/paged-query";
import { mutationKeys, postKeys, safetyKeys, userKeys } from "@/client/query-keys";
import type {
  TBlockState,
  TMutedWord,
  TMuteState,
  ZMutedWordListSchema,
} from "@/lib/safety/safety.types";
import type { TUserSummary } from "@/lib/users/users.types";

export type SafetyTarget = { id: string; username: string };

function setSafety(userId: string, kind: "block" | "mute", on: boolean) {
  return apiFetch<TBlockState | TMuteState>(`/api/users/${encodeURIComponent(userId)}/${kind}`, {
    method: on ? "POST" : "DELETE",
  });
}

// What the viewer may see has changed everywhere: every post list, profiles, follow lists and
// the safety lists are refetched.
function refetchAfterSafetyChange(client: QueryClient) {
  void client.invalidateQueries({ queryKey: safetyKeys.all });
  void client.invalidateQueries({ queryKey: postKeys.lists() });
  void client.invalidateQueries({ queryKey: userKeys.all });
}

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

/** Block/unblock or mute/unmute `target`; afterwards everything the viewer sees is refetched. */
export function useSafetyAction(target: SafetyTarget, kind: "block" | "mute") {
  const client = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.safety(kind, target.id),
    mutationFn: (on: boolean) => setSafety(target.id, kind, on),
    onSettled: () => refetchAfterSafetyChange(client),
  });
}

const SAFETY_LIST_PAGE_SIZE = 20;

/** The accounts the viewer blocks or mutes, a page at a time. */
export function useSafetyList(kind: "blocks" | "mutes") {
  return useInfiniteQuery(
    pagedQuery<TUserSummary>(safetyKeys.list(kind), `/api/users/me/${kind}`, SAFETY_LIST_PAGE_SIZE),
  );
}

/** Unblocks or unmutes someone from the viewer's list of them. */
export function useRemoveFromSafetyList(
  kind: "blocks" | "mutes",
  callbacks: MutationCallbacks<TBlockState | TMuteState, TUserSummary>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: TUserSummary) =>
      setSafety(user.id, kind === "blocks" ? "block" : "mute", false),
    ...callbacks,
    onSettled: () => refetchAfterSafetyChange(client),
  });
}

const mutedWordsPath = "/api/users/me/muted-words";

export function useMutedWords() {
  return useQuery({
    queryKey: safetyKeys.mutedWords(),
    queryFn: () => apiFetch<z.infer<typeof ZMutedWordListSchema>>(mutedWordsPath),
  });
}

// A muted word hides posts from the home feed.
function refetchAfterMutedWordChange(client: QueryClient) {
  void client.invalidateQueries({ queryKey: safetyKeys.mutedWords() });
  void client.invalidateQueries({ queryKey: postKeys.feed() });
}

export function useAddMutedWord(callbacks: MutationCallbacks<TMutedWord, string>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (word: string) =>
      apiFetch<TMutedWord>(mutedWordsPath, { method: "POST", body: { word } }),
    ...callbacks,
    onSettled: () => refetchAfterMutedWordChange(client),
  });
}

export function useRemoveMutedWord(callbacks: MutationCallbacks<void, string>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (word: string) =>
      apiFetch<void>(`${mutedWordsPath}/${encodeURIComponent(word)}`, { method: "DELETE" }),
    ...callbacks,
    onSettled: () => refetchAfterMutedWordChange(client),
  });
}
