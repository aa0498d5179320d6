import type { EventName } from "../client";
import type { EventFunction, GroverFunction } from "../define-function";
import { accountExportRequested } from "./account-export-requested";
import { hourlyCleanup } from "./hourly-cleanup";
import { paymentCompleted } from "./payment-completed";
import { postCommented } from "./post-commented";
import { postCreated } from "./post-created";
import { postLiked } from "./post-liked";
import { postShared } from "./post-shared";
import { userCreated } from "./user-created";
import { userFollowed } from "./user-followed";
import { userMentioned } from "./user-mentioned";

/** Every Grover function: served to Inngest, or run in-process by the outbox dispatcher. */
export const GROVER_FUNCTIONS: GroverFunction[] = [
  userCreated,
  userFollowed,
  postCreated,
  postLiked,
  postShared,
  postCommented,
  userMentioned,
  paymentCompleted,
  accountExportRequested,
  hourlyCleanup,
];

/** What app/api/inngest serves. */
export const inngestFunctions = GROVER_FUNCTIONS.map((fn) => fn.inngestFunction);

/** The functions an event triggers. */
export function functionsFor(name: EventName): EventFunction[] {
  return GROVER_FUNCTIONS.filter(
    (fn): fn is EventFunction => fn.kind === "event" && fn.event === name,
  );
}
