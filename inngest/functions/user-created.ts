import { notifyWelcome } from "@/lib/notifications/notify-welcome";
import { defineEventFunction } from "../define-function";

// user.created: a welcome notification for the new account.
export const userCreated = defineEventFunction(
  "user-created-welcome",
  "user.created",
  async ({ event, step }) => {
    const welcomed = await step.run("welcome", () => notifyWelcome(event.data.userId));
    return { welcomed };
  },
);
