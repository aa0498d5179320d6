import { notifyCommentReplied } from "@/lib/notifications/notify-comment-replied";
import { defineEventFunction } from "../define-function";

// comment.replied: the author of the comment answered is told, with an excerpt of the reply.
export const commentReplied = defineEventFunction(
  "comment-replied-notify",
  "comment.replied",
  async ({ event, step }) => {
    const notified = await step.run("notify-parent-author", () => notifyCommentReplied(event.data));
    return { notified };
  },
);
