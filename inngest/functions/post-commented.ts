import { notifyPostCommented } from "@/lib/notifications/notify-post-commented";
import { defineEventFunction } from "../define-function";

// post.commented: the post's author is told, with an excerpt of the comment.
export const postCommented = defineEventFunction(
  "post-commented-notify",
  "post.commented",
  async ({ event, step }) => {
    const notified = await step.run("notify-author", () => notifyPostCommented(event.data));
    return { notified };
  },
);
