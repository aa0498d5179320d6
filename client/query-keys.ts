// Every React Query key the browser uses, in one place: a mutation's invalidation must name the
// same key as the query it refreshes, and server pages hydrate the keys their client components
// read. Keys are hierarchical, so invalidating a prefix (`postKeys.lists()`) reaches every query
// under it.
import type { TPostSearchSort } from "@/lib/posts/posts.types";

// Usernames are compared lower-cased by the API, so keys are too.
export type FollowListKind = "followers" | "following";

// User data, so the follow mutation can find every cached copy of a user (profile, lists, search).
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
  autocomplete: (query: string) => ["users", "autocomplete", query.toLowerCase()] as const,
};

// Hashtag suggestions for the composer's # autocomplete.
export const tagKeys = {
  search: (query: string) => ["tags", "search", query.toLowerCase()] as const,
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
  // Under byUser, so whatever refreshes a profile's posts refreshes its Media tab too.
  byUserMedia: (username: string) =>
    ["posts", "list", "user", username.toLowerCase(), "media"] as const,
  byUserComments: (username: string) => ["posts", "user-comments", username.toLowerCase()] as const,
  searches: () => ["posts", "list", "search"] as const,
  search: (query: string, sort: TPostSearchSort) =>
    ["posts", "list", "search", query.toLowerCase(), sort] as const,
  details: () => ["posts", "detail"] as const,
  detail: (id: string) => ["posts", "detail", id] as const,
  history: (id: string) => ["posts", "history", id] as const,
  comments: (id: string) => ["posts", "comments", id] as const,
  /** The replies under one comment of a post. */
  replies: (postId: string, commentId: string) =>
    ["posts", "comments", postId, "replies", commentId] as const,
};

// Explore's trending tags and who to follow: a follow refetches the suggestions.
export const discoveryKeys = {
  trending: () => ["discovery", "trending"] as const,
  suggestions: () => ["discovery", "suggestions"] as const,
};

// The media store's limits and accepted types, which change only with the server's configuration.
export const mediaKeys = {
  status: () => ["media", "status"] as const,
};

// The bell, the notifications page and the mutations share these.
export const notificationKeys = {
  all: ["notifications"] as const,
  list: () => ["notifications", "list"] as const,
  unreadCount: () => ["notifications", "unread-count"] as const,
  settings: () => ["notifications", "settings"] as const,
};

export const paymentKeys = {
  all: ["payments"] as const,
  balance: () => ["payments", "balance"] as const,
  ledger: () => ["payments", "ledger"] as const,
  payouts: () => ["payments", "payouts"] as const,
  purchases: () => ["payments", "purchases"] as const,
};

export const safetyKeys = {
  all: ["safety"] as const,
  state: (userId: string) => ["safety", "state", userId] as const,
  list: (kind: "blocks" | "mutes") => ["safety", "list", kind] as const,
  mutedWords: () => ["safety", "muted-words"] as const,
};

export const accountKeys = {
  sessions: () => ["account", "sessions"] as const,
  export: () => ["account", "export"] as const,
};

export const moderationKeys = {
  all: ["moderation"] as const,
  reports: () => ["moderation", "reports"] as const,
  log: () => ["moderation", "log"] as const,
};

export const authKeys = {
  providers: () => ["auth", "providers"] as const,
};

// Mutation keys name a change in flight: the post toggles ask whether the same toggle is still
// pending, so a second press of Like waits for the first to land.
export const mutationKeys = {
  postToggles: (postId: string) => ["posts", "toggle", postId] as const,
  follow: (userId: string) => ["follow", userId] as const,
  safety: (kind: "block" | "mute", userId: string) => [kind, userId] as const,
};
