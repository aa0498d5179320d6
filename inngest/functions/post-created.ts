import { env } from "@/lib/config";
import {
  notifyFollowersOfPost,
  type FollowerCursor,
} from "@/lib/notifications/notify-followers-of-post";
import { notifyMentions } from "@/lib/notifications/notify-mentions";
import { defineEventFunction } from "../define-function";

type BatchResult = Awaited<ReturnType<typeof notifyFollowersOfPost>>;

// post.created: the users the post mentions get a mention, and the author's followers a new-post
// notification, a batch per step (EVENTS_FANOUT_BATCH_SIZE, 500 by default), each batch
// starting where the last one's output says. A retry resumes after the last finished batch, and
// a batch that ran but wasn't recorded writes nothing twice (notifications are keyed by post and
// recipient). Inngest allows 1,000 steps a run: 500 a batch reaches about 500,000 followers.
export const postCreated = defineEventFunction(
  "post-created-notify",
  "post.created",
  async ({ event, step }) => {
    const { postId, authorId, mentionedUserIds } = event.data;
    const mentioned = await step.run("notify-mentioned", () =>
      notifyMentions({ userIds: mentionedUserIds, actorId: authorId, postId, commentId: null }),
    );

    let followers = 0;
    let after: FollowerCursor | null = null;
    for (let batch = 0; ; batch++) {
      const cursor: FollowerCursor | null = after;
      const result: BatchResult = await step.run(`notify-followers-${batch}`, () =>
        notifyFollowersOfPost({
          postId,
          authorId,
          skip: mentionedUserIds,
          after: cursor,
          batchSize: env().EVENTS_FANOUT_BATCH_SIZE,
        }),
      );
      followers += result.notified;
      if (!result.next) break;
      after = result.next;
    }
    return { mentioned, followers };
  },
);
