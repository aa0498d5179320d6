import { fanOutToTimelines } from "../fan-out-to-timelines";
import { defineEventFunction } from "../define-function";

// post.created: the post goes into its author's timeline and their followers' (lib/timeline).
export const postCreatedTimeline = defineEventFunction(
  "post-created-timeline",
  "post.created",
  async ({ event, step }) =>
    fanOutToTimelines(step, {
      kind: "post",
      postId: event.data.postId,
      sourceId: event.data.authorId,
    }),
);
