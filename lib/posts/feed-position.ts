import { z } from "zod";
import { ZPositionSchema } from "@/lib/api/keyset";

// No `server-only`: the benchmark (scripts/bench/explain-feed.ts) reads feed cursors with it.

/**
 * Where a feed page ends, inside its cursor. It also says when the page was fanned out on read:
 * the timeline can't serve the pages after one it couldn't serve (they are older still), so they
 * skip asking it (list-feed.ts).
 */
export const ZFeedPositionSchema = ZPositionSchema.extend({ fanOut: z.literal(true).optional() });
export type TFeedPosition = z.infer<typeof ZFeedPositionSchema>;
