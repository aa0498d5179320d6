import { notifyNewFollower } from "@/lib/notifications/notify-new-follower";
import { defineEventFunction } from "../define-function";

// user.followed: the followed user is told who followed them.
export const userFollowed = defineEventFunction(
  "user-followed-notify",
  "user.followed",
  async ({ event, step }) => {
    const notified = await step.run("notify-followed", () => notifyNewFollower(event.data));
    return { notified };
  },
);
