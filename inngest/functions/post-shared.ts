import { notifyPostShared } from "@/lib/notifications/notify-post-shared";
import { defineEventFunction } from "../define-function";

// post.shared: the original's author is told of a repost or a quote (unless they muted those).
export const postShared = defineEventFunction(
  "post-shared-notify",
  "post.shared",
  async ({ event, step }) => {
    const notified = await step.run("notify-author", () => notifyPostShared(event.data));
    return { notified };
  },
);
