import type { GroverFunction } from "@/lib/events/grover-function.types";
import { accountExportRequested } from "./account-export-requested";
import { commentReplied } from "./comment-replied";
import { emailRequested } from "./email-requested";
import { hourlyCleanup } from "./hourly-cleanup";
import { paymentCompleted } from "./payment-completed";
import { postCommented } from "./post-commented";
import { postCreated } from "./post-created";
import { postCreatedLinkPreview } from "./post-created-link-preview";
import { postCreatedTimeline } from "./post-created-timeline";
import { postLiked } from "./post-liked";
import { postLinkChanged } from "./post-link-changed";
import { postShared } from "./post-shared";
import { postSharedTimeline } from "./post-shared-timeline";
import { userCreated } from "./user-created";
import { userFollowed } from "./user-followed";
import { userFollowedTimeline } from "./user-followed-timeline";
import { userMentioned } from "./user-mentioned";

/**
 * Every Grover function: served to Inngest, or run in-process by the outbox dispatcher, which
 * instrumentation.ts hands this list at boot.
 */
export const GROVER_FUNCTIONS: GroverFunction[] = [
  userCreated,
  userFollowed,
  userFollowedTimeline,
  postCreated,
  postCreatedTimeline,
  postCreatedLinkPreview,
  postLinkChanged,
  postLiked,
  postShared,
  postSharedTimeline,
  postCommented,
  commentReplied,
  userMentioned,
  paymentCompleted,
  accountExportRequested,
  emailRequested,
  hourlyCleanup,
];

/** What app/api/inngest serves. */
export const inngestFunctions = GROVER_FUNCTIONS.map((fn) => fn.inngestFunction);
