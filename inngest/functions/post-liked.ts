import { notifyPostLiked } from "@/lib/notifications/notify-post-liked";
import { defineEventFunction } from "../define-function";

// post.liked: the post's author is told (once per liker and post, unless they muted likes).
export const postLiked = defineEventFunction(
  "post-liked-notify",
  "post.liked",
  async ({ event, step }) => {
    const notified = await step.run("notify-author", () => notifyPostLiked(event.data));
    return { notified };
  },
);
