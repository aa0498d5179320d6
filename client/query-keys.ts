// React Query keys for user data, in one place so the follow mutation can find every cached copy
// of a user (profile, lists, search) and the server pages can hydrate the same keys.
// Usernames are compared lower-cased by the API, so keys are too.

export type FollowListKind = "followers" | "following";

export const userKeys = {
  all: ["users"] as const,
  me: () => ["users", "me"] as const,
  profiles: () => ["users", "profile"] as const,
  profile: (username: string) => ["users", "profile", username.toLowerCase()] as const,
  followLists: () => ["users", "follows"] as const,
  followList: (kind: FollowListKind, username: string) =>
    ["users", "follows", kind, username.toLowerCase()] as const,
  searches: () => ["users", "search"] as const,
  search: (query: string) => ["users", "search", query] as const,
};

// Post data. Every list of posts (feeds, a profile's posts, saved, search results) lives under
// postKeys.lists() as infinite pages, so likes, reactions and saves can update each cached copy
// of a post with one setQueriesData, wherever the post appears.
export const postKeys = {
  all: ["posts"] as const,
  lists: () => ["posts", "list"] as const,
  feed: () => ["posts", "list", "feed"] as const,
  explore: () => ["posts", "list", "explore"] as const,
  saved: () => ["posts", "list", "saved"] as const,
  byUsers: () => ["posts", "list", "user"] as const,
  byUser: (username: string) => ["posts", "list", "user", username.toLowerCase()] as const,
  searches: () => ["posts", "list", "search"] as const,
  search: (query: string) => ["posts", "list", "search", query.toLowerCase()] as const,
  details: () => ["posts", "detail"] as const,
  detail: (id: string) => ["posts", "detail", id] as const,
  history: (id: string) => ["posts", "history", id] as const,
  comments: (id: string) => ["posts", "comments", id] as const,
};

// The media store's limits and accepted types, which change only with the server's configuration.
export const mediaKeys = {
  status: () => ["media", "status"] as const,
};
