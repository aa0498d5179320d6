import { notifyMentions } from "@/lib/notifications/notify-mentions";
import { defineEventFunction } from "../define-function";

// user.mentioned: a mention in a comment, or one an edit added to a post.
export const userMentioned = defineEventFunction(
  "user-mentioned-notify",
  "user.mentioned",
  async ({ event, step }) => {
    const { mentionedUserId, actorId, postId, commentId } = event.data;
    const notified = await step.run("notify-mentioned", () =>
      notifyMentions({ userIds: [mentionedUserId], actorId, postId, commentId }),
    );
    return { notified };
  },
);
