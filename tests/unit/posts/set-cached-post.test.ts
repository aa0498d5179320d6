// Issue 15, item 4: liking a post that sits in a feed as someone's repost answered with the
// server's copy (repostedBy: null), which replaced the feed's copy, so the "X reposted" line
// vanished and the card jumped. Each cached copy keeps its own repostedBy.
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { postKeys } from "@/client/query-keys";
import { setCachedPost, type PostPages } from "@/client/hooks/use-post-actions";
import type { TPost } from "@/lib/posts/posts.types";

const reposter = {
  id: "u-reposter",
  username: "reposter",
  displayName: "Rae Poster",
  avatarUrl: null,
} as unknown as NonNullable<TPost["repostedBy"]>;

function post(overrides: Partial<TPost> = {}): TPost {
  return {
    id: "p1",
    text: "hello",
    repostedBy: null,
    viewer: { liked: false, saved: false, reposted: false, reactions: [], isAuthor: false },
    counts: { likes: 0, comments: 0, reposts: 1, reactions: 0, quotes: 0 },
    ...overrides,
  } as unknown as TPost;
}

const pages = (...items: TPost[]): PostPages => ({
  pages: [{ items, nextCursor: null }],
  pageParams: [null],
});

describe("setCachedPost", () => {
  it("keeps the reposted line of a feed's copy when the server's copy has none", () => {
    const client = new QueryClient();
    const feedKey = [...postKeys.lists(), "feed"];
    const profileKey = [...postKeys.lists(), "profile"];
    client.setQueryData(feedKey, pages(post({ repostedBy: reposter })));
    client.setQueryData(profileKey, pages(post()));
    client.setQueryData(postKeys.detail("p1"), post());

    const fromServer = post({
      viewer: { liked: true, saved: false, reposted: false, reactions: [] },
      counts: { likes: 1, comments: 0, reposts: 1, reactions: 0, quotes: 0 },
    } as unknown as Partial<TPost>);
    setCachedPost(client, fromServer);

    const feed = client.getQueryData<PostPages>(feedKey)!.pages[0]!.items[0]!;
    expect(feed.repostedBy?.displayName).toBe("Rae Poster");
    expect(feed.viewer?.liked).toBe(true);
    expect(feed.counts.likes).toBe(1);
    // The other copies take the server's state and stay without a reposted line.
    const profile = client.getQueryData<PostPages>(profileKey)!.pages[0]!.items[0]!;
    expect(profile.repostedBy).toBeNull();
    expect(profile.viewer?.liked).toBe(true);
    expect(client.getQueryData<TPost>(postKeys.detail("p1"))!.viewer?.liked).toBe(true);
  });
});
