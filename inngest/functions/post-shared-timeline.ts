import { fanOutToTimelines } from "../fan-out-to-timelines";
import { defineEventFunction } from "../define-function";

// post.shared: a repost goes into the reposter's timeline and their followers' (lib/timeline).
// A quote is a post of its own, which post.created fans out.
export const postSharedTimeline = defineEventFunction(
  "post-shared-timeline",
  "post.shared",
  async ({ event, step }) => {
    if (event.data.quotePostId) return { inserted: 0 };
    return fanOutToTimelines(step, {
      kind: "repost",
      postId: event.data.postId,
      sourceId: event.data.sharerId,
    });
  },
);
