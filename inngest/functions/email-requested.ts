import { deliverEmail } from "@/lib/mail/deliver-email";
import { defineEventFunction } from "../define-function";

// email.requested: send the mail. A temporary SMTP failure throws out of the step, and the run
// is retried with the dispatcher's (or Inngest's) backoff; deliverEmail's dedupe key makes a
// step that runs twice send once.
export const emailRequested = defineEventFunction(
  "email-requested-send",
  "email.requested",
  async ({ event, step }) => {
    const outcome = await step.run("send", () => deliverEmail(event.data));
    return { outcome };
  },
);
