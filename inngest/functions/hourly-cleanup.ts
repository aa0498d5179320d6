import { deleteExpiredExports } from "@/lib/account/delete-expired-exports";
import { deleteExpiredIdempotencyKeys } from "@/lib/api/idempotency/delete-expired-idempotency-keys";
import { deleteExpiredPasswordResets } from "@/lib/auth/delete-expired-password-resets";
import { pruneSentEvents } from "@/lib/events/prune-sent-events";
import { pruneSentEmail } from "@/lib/mail/prune-sent-email";
import { deleteUnattachedMedia } from "@/lib/media/delete-unattached-media";
import { pruneLiveEvents } from "@/lib/streaming/prune-live-events";
import { defineScheduledFunction } from "../define-function";

// Bounds one run's work; whatever is left waits for the next hour.
const MAX_BATCHES = 50;
const MEDIA_BATCH = 100;
const KEY_BATCH = 1000;

// Every hour: media uploaded and never used for a day is removed (files too), data exports
// finished over a week ago go with their archives, events sent over a week ago leave the
// outbox, Idempotency-Keys over a day old are forgotten, and so are password resets a day past
// their expiry and the dedupe records of mail finished a month ago, and live events (kept for
// streams' replay) after ten minutes. Each batch is a step, so a retry
// resumes where it stopped.
export const hourlyCleanup = defineScheduledFunction(
  "hourly-cleanup",
  { cron: "0 * * * *", everyMs: 60 * 60 * 1000 },
  async ({ step }) => {
    let media = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const { deleted } = await step.run(`delete-unattached-media-${batch}`, () =>
        deleteUnattachedMedia({ batchSize: MEDIA_BATCH }),
      );
      media += deleted;
      if (deleted < MEDIA_BATCH) break;
    }
    const { deleted: exports } = await step.run("delete-expired-exports", () =>
      deleteExpiredExports(),
    );
    const events = await step.run("prune-sent-events", () => pruneSentEvents());
    let idempotencyKeys = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const { deleted } = await step.run(`delete-expired-idempotency-keys-${batch}`, () =>
        deleteExpiredIdempotencyKeys({ batchSize: KEY_BATCH }),
      );
      idempotencyKeys += deleted;
      if (deleted < KEY_BATCH) break;
    }
    const { deleted: passwordResets } = await step.run("delete-expired-password-resets", () =>
      deleteExpiredPasswordResets(),
    );
    const { deleted: sentEmail } = await step.run("prune-sent-email", () => pruneSentEmail());
    const { deleted: liveEvents } = await step.run("prune-live-events", () => pruneLiveEvents());
    return { media, exports, events, idempotencyKeys, passwordResets, sentEmail, liveEvents };
  },
);
