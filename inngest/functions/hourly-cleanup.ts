import { deleteExpiredExports } from "@/lib/account/delete-expired-exports";
import { deleteExpiredIdempotencyKeys } from "@/lib/api/idempotency/delete-expired-idempotency-keys";
import { deleteExpiredPasswordResets } from "@/lib/auth/delete-expired-password-resets";
import { pruneSentEvents } from "@/lib/events/prune-sent-events";
import { pruneSentEmail } from "@/lib/mail/prune-sent-email";
import { deleteUnattachedMedia } from "@/lib/media/delete-unattached-media";
import { env } from "@/lib/config";
import { pruneLiveEvents } from "@/lib/streaming/prune-live-events";
import { repairStaleGaps } from "@/lib/timeline/repair-stale-gaps";
import { trimTimelines } from "@/lib/timeline/trim-timelines";
import { defineScheduledFunction } from "../define-function";

// Bounds one run's work; whatever is left waits for the next hour.
const MAX_BATCHES = 50;
const MEDIA_BATCH = 100;
const KEY_BATCH = 1000;
const TIMELINE_BATCH = 200;
const GAP_BATCH = 200;

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
    // Timelines back to their cap (lib/timeline/trim-timelines.ts), a batch of users a step.
    let timelineEntries = 0;
    let afterUserId: string | null = null;
    for (let batch = 0; ; batch++) {
      const cursor: string | null = afterUserId;
      const result: Awaited<ReturnType<typeof trimTimelines>> = await step.run(
        `trim-timelines-${batch}`,
        () =>
          trimTimelines({
            afterUserId: cursor,
            batchSize: TIMELINE_BATCH,
            cap: env().TIMELINE_MAX_ENTRIES,
          }),
      );
      timelineEntries += result.trimmed;
      if (!result.next) break;
      afterUserId = result.next;
    }
    // Timeline work whose event was lost or failed for good, an hour on (repair-stale-gaps.ts).
    const { repaired: timelineGaps } = await step.run("repair-timeline-gaps", () =>
      repairStaleGaps({
        olderThan: new Date(Date.now() - 60 * 60 * 1000),
        limit: GAP_BATCH,
        maxFollowers: env().TIMELINE_FANOUT_MAX_FOLLOWERS,
        cap: env().TIMELINE_MAX_ENTRIES,
        batchSize: env().EVENTS_FANOUT_BATCH_SIZE,
      }),
    );
    const { deleted: liveEvents } = await step.run("prune-live-events", () => pruneLiveEvents());
    return {
      media,
      exports,
      events,
      idempotencyKeys,
      passwordResets,
      sentEmail,
      liveEvents,
      timelineEntries,
      timelineGaps,
    };
  },
);
