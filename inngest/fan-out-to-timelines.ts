import { env } from "@/lib/config";
import type { StepTools } from "@/lib/events/grover-function.types";
import { closeGap } from "@/lib/timeline/close-gap";
import { fanOutBatch } from "@/lib/timeline/fan-out-batch";
import { startFanOut } from "@/lib/timeline/start-fan-out";
import type { TFollowerCursor, TTimelineEntryRef } from "@/lib/timeline/timeline.types";

type BatchResult = Awaited<ReturnType<typeof fanOutBatch>>;

/**
 * The steps of fanning a post or repost out into timelines (post-created-timeline.ts,
 * post-shared-timeline.ts): the source's own timeline and the size check, then a batch of
 * followers per step (EVENTS_FANOUT_BATCH_SIZE), each starting where the last one's output says,
 * as the new-post notifications do, then the gap closes. A retry resumes after the last
 * finished step; a batch run twice inserts nothing twice.
 */
export async function fanOutToTimelines(step: StepTools, entry: TTimelineEntryRef) {
  const started = await step.run("start", () =>
    startFanOut(entry, env().TIMELINE_FANOUT_MAX_FOLLOWERS),
  );
  let inserted = 0;
  if (started.fanOut) {
    let after: TFollowerCursor | null = null;
    for (let batch = 0; ; batch++) {
      const cursor: TFollowerCursor | null = after;
      const result: BatchResult = await step.run(`followers-${batch}`, () =>
        fanOutBatch({ entry, after: cursor, batchSize: env().EVENTS_FANOUT_BATCH_SIZE }),
      );
      inserted += result.inserted;
      if (!result.next) break;
      after = result.next;
    }
  }
  await step.run("close-gap", () => closeGap(entry, started.gapId));
  return { inserted };
}
