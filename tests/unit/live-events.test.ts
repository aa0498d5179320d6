// What each live event does to the browser's caches, on a real React Query client.
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { PostPages } from "@/client/hooks/use-post-actions";
import { applyLiveEvent } from "@/client/live-events";
import { createNewPostsStore } from "@/client/new-posts-store";
import { notificationKeys, postKeys } from "@/client/query-keys";
import type { TPost } from "@/lib/posts/posts.types";

const VIEWER = "viewer-1";

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  const newPosts = createNewPostsStore();
  const apply = (event: string, data: unknown, id = "1") =>
    applyLiveEvent(
      { queryClient, viewerId: VIEWER, newPosts },
      { id, event, data: typeof data === "string" ? data : JSON.stringify(data) },
    );
  return { queryClient, newPosts, apply };
}

const post = (id: string) => ({ id }) as TPost;
const feed = (...pages: string[][]): PostPages => ({
  pages: pages.map((ids, i) => ({ items: ids.map(post), nextCursor: `c${i}` })),
  pageParams: pages.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
});
const feedIds = (client: QueryClient) =>
  client.getQueryData<PostPages>(postKeys.feed())?.pages.map((p) => p.items.map((x) => x.id));
const isStale = (client: QueryClient, key: readonly unknown[]) =>
  client.getQueryState(key)?.isInvalidated ?? false;

describe("applyLiveEvent", () => {
  it("sets the bell's count from a notification or an unread change", () => {
    const { queryClient, apply } = setup();
    queryClient.setQueryData(notificationKeys.unreadCount(), { count: 1 });
    queryClient.setQueryData(notificationKeys.list(), { pages: [], pageParams: [] });

    apply("notification", { notification: { id: "n1" }, unreadCount: 2 });
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ count: 2 });
    expect(isStale(queryClient, notificationKeys.list())).toBe(true);

    apply("unread", { unreadCount: 0 });
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ count: 0 });
  });

  it("reads elsewhere mark the list stale without refetching the open page", async () => {
    const { queryClient, apply } = setup();
    let fetches = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: notificationKeys.list(),
      queryFn: async () => (fetches++, { pages: [], pageParams: [] }),
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await expect.poll(() => fetches).toBe(1);

    apply("unread", { unreadCount: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetches).toBe(1);
    expect(isStale(queryClient, notificationKeys.list())).toBe(true);

    apply("notification", { notification: { id: "n2" }, unreadCount: 1 });
    await expect.poll(() => fetches).toBe(2);
    unsubscribe();
  });

  it("counts others' new posts, once each, and never the viewer's own or their reposts", () => {
    const { newPosts, apply } = setup();
    const at = "2026-12-06T20:00:00.000Z";
    apply("post", { id: "p1", authorId: "writer", createdAt: at });
    apply("post", { id: "p1", authorId: "writer", createdAt: at, reposterId: "friend" });
    apply("post", { id: "p2", authorId: VIEWER, createdAt: at });
    apply("post", { id: "p3", authorId: "writer", createdAt: at, reposterId: VIEWER });
    apply("post", { id: "p4", authorId: "writer", createdAt: at });
    expect(newPosts.snapshot()).toEqual(["p1", "p4"]);
  });

  it("takes a deleted post out of the loaded feed and out of the new ones", () => {
    const { queryClient, newPosts, apply } = setup();
    queryClient.setQueryData(postKeys.feed(), feed(["a", "b"], ["c"]));
    newPosts.add("d");
    apply("delete", { id: "b" });
    apply("delete", { id: "d" });
    expect(feedIds(queryClient)).toEqual([["a"], ["c"]]);
    expect(newPosts.snapshot()).toEqual([]);
  });

  it("on resync, forgets what it counted and marks the count, list and feed stale", () => {
    const { queryClient, newPosts, apply } = setup();
    queryClient.setQueryData(notificationKeys.unreadCount(), { count: 1 });
    queryClient.setQueryData(notificationKeys.list(), { pages: [], pageParams: [] });
    queryClient.setQueryData(postKeys.feed(), feed(["a"]));
    newPosts.add("x");
    apply("resync", {});
    expect(newPosts.snapshot()).toEqual([]);
    for (const key of [notificationKeys.unreadCount(), notificationKeys.list(), postKeys.feed()]) {
      expect(isStale(queryClient, key), String(key)).toBe(true);
    }
  });

  it("ignores malformed and unknown events", () => {
    const { queryClient, newPosts, apply } = setup();
    queryClient.setQueryData(notificationKeys.unreadCount(), { count: 1 });
    apply("unread", "not json");
    apply("unread", { unreadCount: "many" });
    apply("post", { id: "p1" });
    apply("something-new", { id: "p1" });
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ count: 1 });
    expect(newPosts.snapshot()).toEqual([]);
  });
});
