import { env } from "@/lib/config";
import { backfillFollow } from "@/lib/timeline/backfill-follow";
import { defineEventFunction } from "../define-function";

// user.followed: the followed account's newest entries go into the follower's timeline.
export const userFollowedTimeline = defineEventFunction(
  "user-followed-timeline",
  "user.followed",
  async ({ event, step }) =>
    step.run("backfill", () => backfillFollow({ ...event.data, cap: env().TIMELINE_MAX_ENTRIES })),
);
