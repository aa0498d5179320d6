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
