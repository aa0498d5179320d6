import {
  useMutation,
  useMutationState,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/client/api-fetch";
import { formErrorMessage } from "@/client/field-errors";
import { mutationKeys, postKeys } from "@/client/query-keys";
import type { Page } from "@/lib/api/page.types";
import type { TPost } from "@/lib/posts/posts.types";

export type PostPages = InfiniteData<Page<TPost>, string | null>;

/**
 * Applies `change` to every cached copy of one post: its detail query and its place in every
 * list (feeds, profiles, saved, search). `change` returns the post unchanged when there is
 * nothing to do, and then nothing is rewritten.
 */
export function updateCachedPost(
  client: QueryClient,
  postId: string,
  change: (post: TPost) => TPost,
) {
  client.setQueryData<TPost>(postKeys.detail(postId), (post) => post && change(post));
  client.setQueriesData<PostPages>({ queryKey: postKeys.lists() }, (data) => {
    if (!data?.pages) return data;
    let touched = false;
    const pages = data.pages.map((page) => {
      if (!page.items.some((p) => p.id === postId)) return page;
      touched = true;
      return { ...page, items: page.items.map((p) => (p.id === postId ? change(p) : p)) };
    });
    return touched ? { ...data, pages } : data;
  });
}

/**
 * Puts the server's copy of a post in place of every cached one. Who reposted it belongs to the
 * list a copy sits in (a feed shows "Rae reposted"), not to the post: the server's copy of a like
 * or an edit has none, so each copy keeps its own, or the line vanishes and the card jumps.
 */
export function setCachedPost(client: QueryClient, post: TPost) {
  updateCachedPost(client, post.id, (cached) => ({ ...post, repostedBy: cached.repostedBy }));
}

/** Takes a deleted post out of every list and forgets its detail. */
export function removeCachedPost(client: QueryClient, postId: string) {
  client.setQueriesData<PostPages>({ queryKey: postKeys.lists() }, (data) => {
    if (!data?.pages) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.filter((p) => p.id !== postId),
      })),
    };
  });
  client.removeQueries({ queryKey: postKeys.detail(postId) });
  client.removeQueries({ queryKey: postKeys.comments(postId) });
  client.removeQueries({ queryKey: postKeys.history(postId) });
}

// Each change below is idempotent: it checks the viewer's current state first, so applying it
// twice does nothing, and rolling back is applying the opposite change.

function withLike(post: TPost, liked: boolean): TPost {
  if (!post.viewer || post.viewer.liked === liked) return post;
  return {
    ...post,
    viewer: { ...post.viewer, liked },
    counts: { ...post.counts, likes: Math.max(0, post.counts.likes + (liked ? 1 : -1)) },
  };
}

function withRepost(post: TPost, reposted: boolean): TPost {
  if (!post.viewer || post.viewer.reposted === reposted) return post;
  return {
    ...post,
    viewer: { ...post.viewer, reposted },
    counts: { ...post.counts, reposts: Math.max(0, post.counts.reposts + (reposted ? 1 : -1)) },
  };
}

function withSave(post: TPost, saved: boolean): TPost {
  if (!post.viewer || post.viewer.saved === saved) return post;
  return { ...post, viewer: { ...post.viewer, saved } };
}

function withReaction(post: TPost, emoji: string, on: boolean): TPost {
  if (!post.viewer || post.viewer.reactions.includes(emoji) === on) return post;
  const delta = on ? 1 : -1;
  const known = post.reactions.some((r) => r.emoji === emoji);
  // Counts change in place (a new emoji goes last) rather than re-sorting, so chips don't jump
  // under the pointer; the server's order arrives with its answer.
  const reactions = (known ? post.reactions : [...post.reactions, { emoji, count: 0 }])
    .map((r) => (r.emoji === emoji ? { ...r, count: r.count + delta } : r))
    .filter((r) => r.count > 0);
  return {
    ...post,
    reactions,
    viewer: {
      ...post.viewer,
      reactions: on
        ? [...post.viewer.reactions, emoji]
        : post.viewer.reactions.filter((e) => e !== emoji),
    },
    counts: { ...post.counts, reactions: Math.max(0, post.counts.reactions + delta) },
  };
}

type Toggle =
  | { kind: "like"; on: boolean }
  | { kind: "save"; on: boolean }
  | { kind: "repost"; on: boolean }
  | { kind: "react"; on: boolean; emoji: string };

function applyToggle(post: TPost, toggle: Toggle, on = toggle.on): TPost {
  if (toggle.kind === "like") return withLike(post, on);
  if (toggle.kind === "save") return withSave(post, on);
  if (toggle.kind === "repost") return withRepost(post, on);
  return withReaction(post, toggle.emoji, on);
}

function request(postId: string, toggle: Toggle): Promise<TPost> {
  const base = `/api/posts/${encodeURIComponent(postId)}`;
  const method = toggle.on ? "POST" : "DELETE";
  if (toggle.kind === "like") return apiFetch<TPost>(`${base}/like`, { method });
  if (toggle.kind === "save") return apiFetch<TPost>(`${base}/save`, { method });
  if (toggle.kind === "repost") return apiFetch<TPost>(`${base}/repost`, { method });
  return toggle.on
    ? apiFetch<TPost>(`${base}/react`, { method, body: { emoji: toggle.emoji } })
    : apiFetch<TPost>(`${base}/react?emoji=${encodeURIComponent(toggle.emoji)}`, { method });
}

const FAILED: Record<Toggle["kind"], [string, string]> = {
  like: ["Couldn't like this post.", "Couldn't remove your like."],
  save: ["Couldn't save this post.", "Couldn't remove this post from Saved."],
  repost: ["Couldn't repost this post.", "Couldn't undo your repost."],
  react: ["Couldn't add your reaction.", "Couldn't remove your reaction."],
};

const toggleKey = (postId: string, toggle: Toggle) =>
  toggle.kind === "react"
    ? [...mutationKeys.postToggles(postId), "react", toggle.emoji]
    : [...mutationKeys.postToggles(postId), toggle.kind];

/**
 * Like, react and save, optimistically: every cached copy of the post changes at once, goes
 * back if the server refuses, and is replaced by the server's copy when it answers. A toggle
 * already on its way is not sent again until it lands, so two quick presses can't race.
 */
export function usePostActions(postId: string) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationKey: mutationKeys.postToggles(postId),
    mutationFn: (toggle: Toggle) => request(postId, toggle),
    onMutate: async (toggle) => {
      setError(null);
      await client.cancelQueries({ queryKey: postKeys.detail(postId) });
      updateCachedPost(client, postId, (post) => applyToggle(post, toggle));
    },
    onError: (cause, toggle) => {
      updateCachedPost(client, postId, (post) => applyToggle(post, toggle, !toggle.on));
      const [on, off] = FAILED[toggle.kind];
      const reason = formErrorMessage(cause);
      setError(`${toggle.on ? on : off} ${reason.endsWith(".") ? reason : `${reason}.`}`);
    },
    onSuccess: (post) => {
      // With another toggle on this post still in flight, this answer doesn't include it yet;
      // the last one to land brings the server's full state.
      const others = client.isMutating({ mutationKey: mutationKeys.postToggles(postId) }) > 1;
      if (!others) setCachedPost(client, post);
    },
    onSettled: (_post, _error, toggle) => {
      // The saved list gains or loses the post: refetch it next time it's shown, not now, so a
      // post unsaved on the Saved page doesn't vanish under the pointer.
      if (toggle.kind === "save") {
        void client.invalidateQueries({ queryKey: postKeys.saved(), refetchType: "none" });
      }
    },
  });

  const filters = { mutationKey: mutationKeys.postToggles(postId), status: "pending" as const };
  const keyOf = (toggle: Toggle) => toggleKey(postId, toggle).join("|");
  const pending = useMutationState({
    filters,
    select: (m) => keyOf(m.state.variables as Toggle),
  });

  const run = (toggle: Toggle) => {
    // Read the cache now rather than `pending` from the last render: two presses can land
    // before React renders again.
    const inFlight = client
      .getMutationCache()
      .findAll(filters)
      .some((m) => keyOf(m.state.variables as Toggle) === keyOf(toggle));
    if (!inFlight) mutation.mutate(toggle);
  };

  return {
    setLiked: (on: boolean) => run({ kind: "like", on }),
    setSaved: (on: boolean) => run({ kind: "save", on }),
    setReposted: (on: boolean) => run({ kind: "repost", on }),
    setReaction: (emoji: string, on: boolean) => run({ kind: "react", emoji, on }),
    isPending: (kind: Toggle["kind"], emoji = "") =>
      pending.includes(keyOf(kind === "react" ? { kind, emoji, on: true } : { kind, on: true })),
    error,
    clearError: () => setError(null),
  };
}
