/**
 * The OpenAPI document's tags, in the order its readers list them. Every route spec names its
 * tags from here, so a typo fails the typecheck instead of making a tag with no description.
 */
export const API_TAGS = [
  { name: "Auth", description: "Create an account, sign in for a bearer token, and sign out." },
  {
    name: "Posts",
    description: "Publish, edit and delete posts; the home feed, explore, search and edit history.",
  },
  {
    name: "Engagement",
    description: "Likes, reposts, reactions and saves. Each is idempotent and answers the post.",
  },
  { name: "Comments", description: "Comments on posts." },
  { name: "Users", description: "Public profiles, follows, counts and user search." },
  { name: "Discovery", description: "Trending tags and who to follow." },
  {
    name: "Safety",
    description: "Blocks, mutes and muted words: who can reach you and what your lists leave out.",
  },
  {
    name: "Account",
    description: "Your own account: sessions, password, data export and deletion.",
  },
  {
    name: "Media",
    description: "Image and video uploads, and the storage status with the upload limits.",
  },
  { name: "Notifications", description: "Your notifications, their read state and settings." },
  {
    name: "Payments",
    description:
      "Tips and paid posts through PayPal, creators' balances, ledgers and payouts, and PayPal's webhook.",
  },
  {
    name: "Moderation",
    description: "Reports from anyone signed in, and the moderators' queue, actions and log.",
  },
  {
    name: "Operations",
    description: "Health checks for load balancers and the background events pipeline's status.",
  },
] as const;

export type ApiTag = (typeof API_TAGS)[number]["name"];
