import * as authLogout from "@/app/api/auth/logout/route";
import * as authMe from "@/app/api/auth/me/route";
import * as authPasswordReset from "@/app/api/auth/password-reset/route";
import * as authPasswordResetConfirm from "@/app/api/auth/password-reset/confirm/route";
import * as authEmailVerification from "@/app/api/auth/email-verification/route";
import * as authEmailVerificationConfirm from "@/app/api/auth/email-verification/confirm/route";
import * as authRegister from "@/app/api/auth/register/route";
import * as authSession from "@/app/api/auth/session/route";
import * as health from "@/app/api/health/route";
import * as healthLive from "@/app/api/health/live/route";
import * as healthReady from "@/app/api/health/ready/route";
import * as mediaUpload from "@/app/api/media/upload/route";
import * as mediaStatus from "@/app/api/media/status/route";
import * as media from "@/app/api/media/[id]/route";
import * as posts from "@/app/api/posts/route";
import * as postsFeed from "@/app/api/posts/feed/me/route";
import * as postsExplore from "@/app/api/posts/explore/all/route";
import * as postsSearch from "@/app/api/posts/search/[query]/route";
import * as userPosts from "@/app/api/users/[id]/posts/route";
import * as userComments from "@/app/api/users/[id]/comments/route";
import * as usersSuggestions from "@/app/api/users/suggestions/route";
import * as tagsTrending from "@/app/api/tags/trending/route";
import * as post from "@/app/api/posts/[id]/route";
import * as postHistory from "@/app/api/posts/[id]/history/route";
import * as postLike from "@/app/api/posts/[id]/like/route";
import * as postRepost from "@/app/api/posts/[id]/repost/route";
import * as postReact from "@/app/api/posts/[id]/react/route";
import * as postSave from "@/app/api/posts/[id]/save/route";
import * as postsSaved from "@/app/api/posts/saved/route";
import * as postComments from "@/app/api/posts/[id]/comments/route";
import * as comment from "@/app/api/comments/[id]/route";
import * as commentReplies from "@/app/api/comments/[id]/replies/route";
import * as usersSearch from "@/app/api/users/search/[query]/route";
import * as usersAutocomplete from "@/app/api/users/autocomplete/route";
import * as tagsSearch from "@/app/api/tags/search/route";
import * as usersProfile from "@/app/api/users/profile/route";
import * as user from "@/app/api/users/[id]/route";
import * as userFollow from "@/app/api/users/[id]/follow/route";
import * as userFollowers from "@/app/api/users/[id]/followers/route";
import * as userFollowing from "@/app/api/users/[id]/following/route";
import * as userBlock from "@/app/api/users/[id]/block/route";
import * as userMute from "@/app/api/users/[id]/mute/route";
import * as myBlocks from "@/app/api/users/me/blocks/route";
import * as myMutes from "@/app/api/users/me/mutes/route";
import * as myMutedWords from "@/app/api/users/me/muted-words/route";
import * as myMutedWord from "@/app/api/users/me/muted-words/[word]/route";
import * as userStats from "@/app/api/users/[id]/stats/route";
import * as me from "@/app/api/users/me/route";
import * as mySessions from "@/app/api/users/me/sessions/route";
import * as mySession from "@/app/api/users/me/sessions/[id]/route";
import * as myPassword from "@/app/api/users/me/password/route";
import * as myEmail from "@/app/api/users/me/email/route";
import * as myConnectedAccount from "@/app/api/users/me/connected-accounts/[provider]/route";
import * as myExport from "@/app/api/users/me/export/route";
import * as myExportDownload from "@/app/api/users/me/export/[id]/download/route";
import * as notifications from "@/app/api/notifications/route";
import * as notificationsRead from "@/app/api/notifications/read/route";
import * as notificationsUnreadCount from "@/app/api/notifications/unread-count/route";
import * as notificationsSettings from "@/app/api/notifications/settings/route";
import * as mailUnsubscribe from "@/app/api/mail/unsubscribe/route";
import * as streaming from "@/app/api/streaming/route";
import * as eventsStatus from "@/app/api/events/status/route";
import * as paymentsConfig from "@/app/api/payments/config/route";
import * as paymentsCreate from "@/app/api/payments/create/route";
import * as paymentsExecute from "@/app/api/payments/execute/route";
import * as payment from "@/app/api/payments/[id]/route";
import * as paymentsPurchases from "@/app/api/payments/purchases/route";
import * as paymentsBalance from "@/app/api/payments/balance/route";
import * as paymentsLedger from "@/app/api/payments/ledger/route";
import * as paymentsPayout from "@/app/api/payments/payout/route";
import * as paymentsPayoutStatus from "@/app/api/payments/payout/[id]/status/route";
import * as paymentsWebhook from "@/app/api/payments/webhook/route";
import * as reports from "@/app/api/reports/route";
import * as moderationReports from "@/app/api/moderation/reports/route";
import * as moderationReportDismiss from "@/app/api/moderation/reports/[id]/dismiss/route";
import * as moderationPostRemove from "@/app/api/moderation/posts/[id]/remove/route";
import * as moderationCommentRemove from "@/app/api/moderation/comments/[id]/remove/route";
import * as moderationUserSuspend from "@/app/api/moderation/users/[id]/suspend/route";
import * as moderationUserUnsuspend from "@/app/api/moderation/users/[id]/unsuspend/route";
import * as moderationUserRole from "@/app/api/moderation/users/[id]/role/route";
import * as moderationLog from "@/app/api/moderation/log/route";

/**
 * Every API route file, keyed by its path in the repository. The OpenAPI document is built from
 * the specs their handlers carry, and tests/unit/openapi.test.ts fails when a route file is
 * missing here or a handler has no spec. It lives in app/, beside the route that serves the
 * document, because it imports every route: lib/ never imports app/.
 */
export const ROUTE_MODULES: Record<string, Record<string, unknown>> = {
  "app/api/auth/logout/route.ts": authLogout,
  "app/api/auth/me/route.ts": authMe,
  "app/api/auth/password-reset/route.ts": authPasswordReset,
  "app/api/auth/password-reset/confirm/route.ts": authPasswordResetConfirm,
  "app/api/auth/email-verification/route.ts": authEmailVerification,
  "app/api/auth/email-verification/confirm/route.ts": authEmailVerificationConfirm,
  "app/api/auth/register/route.ts": authRegister,
  "app/api/auth/session/route.ts": authSession,
  "app/api/health/route.ts": health,
  "app/api/health/live/route.ts": healthLive,
  "app/api/health/ready/route.ts": healthReady,
  "app/api/media/upload/route.ts": mediaUpload,
  "app/api/media/status/route.ts": mediaStatus,
  "app/api/media/[id]/route.ts": media,
  "app/api/posts/route.ts": posts,
  "app/api/posts/feed/me/route.ts": postsFeed,
  "app/api/posts/explore/all/route.ts": postsExplore,
  "app/api/posts/search/[query]/route.ts": postsSearch,
  "app/api/users/[id]/posts/route.ts": userPosts,
  "app/api/users/[id]/comments/route.ts": userComments,
  "app/api/users/suggestions/route.ts": usersSuggestions,
  "app/api/tags/trending/route.ts": tagsTrending,
  "app/api/posts/[id]/route.ts": post,
  "app/api/posts/[id]/history/route.ts": postHistory,
  "app/api/posts/[id]/like/route.ts": postLike,
  "app/api/posts/[id]/repost/route.ts": postRepost,
  "app/api/posts/[id]/react/route.ts": postReact,
  "app/api/posts/[id]/save/route.ts": postSave,
  "app/api/posts/saved/route.ts": postsSaved,
  "app/api/posts/[id]/comments/route.ts": postComments,
  "app/api/comments/[id]/route.ts": comment,
  "app/api/comments/[id]/replies/route.ts": commentReplies,
  "app/api/users/search/[query]/route.ts": usersSearch,
  "app/api/users/autocomplete/route.ts": usersAutocomplete,
  "app/api/tags/search/route.ts": tagsSearch,
  "app/api/users/profile/route.ts": usersProfile,
  "app/api/users/[id]/route.ts": user,
  "app/api/users/[id]/follow/route.ts": userFollow,
  "app/api/users/[id]/followers/route.ts": userFollowers,
  "app/api/users/[id]/following/route.ts": userFollowing,
  "app/api/users/[id]/block/route.ts": userBlock,
  "app/api/users/[id]/mute/route.ts": userMute,
  "app/api/users/me/blocks/route.ts": myBlocks,
  "app/api/users/me/mutes/route.ts": myMutes,
  "app/api/users/me/muted-words/route.ts": myMutedWords,
  "app/api/users/me/muted-words/[word]/route.ts": myMutedWord,
  "app/api/users/[id]/stats/route.ts": userStats,
  "app/api/users/me/route.ts": me,
  "app/api/users/me/sessions/route.ts": mySessions,
  "app/api/users/me/sessions/[id]/route.ts": mySession,
  "app/api/users/me/password/route.ts": myPassword,
  "app/api/users/me/email/route.ts": myEmail,
  "app/api/users/me/connected-accounts/[provider]/route.ts": myConnectedAccount,
  "app/api/users/me/export/route.ts": myExport,
  "app/api/users/me/export/[id]/download/route.ts": myExportDownload,
  "app/api/notifications/route.ts": notifications,
  "app/api/notifications/read/route.ts": notificationsRead,
  "app/api/notifications/unread-count/route.ts": notificationsUnreadCount,
  "app/api/notifications/settings/route.ts": notificationsSettings,
  "app/api/mail/unsubscribe/route.ts": mailUnsubscribe,
  "app/api/streaming/route.ts": streaming,
  "app/api/events/status/route.ts": eventsStatus,
  "app/api/payments/config/route.ts": paymentsConfig,
  "app/api/payments/create/route.ts": paymentsCreate,
  "app/api/payments/execute/route.ts": paymentsExecute,
  "app/api/payments/[id]/route.ts": payment,
  "app/api/payments/purchases/route.ts": paymentsPurchases,
  "app/api/payments/balance/route.ts": paymentsBalance,
  "app/api/payments/ledger/route.ts": paymentsLedger,
  "app/api/payments/payout/route.ts": paymentsPayout,
  "app/api/payments/payout/[id]/status/route.ts": paymentsPayoutStatus,
  "app/api/payments/webhook/route.ts": paymentsWebhook,
  "app/api/reports/route.ts": reports,
  "app/api/moderation/reports/route.ts": moderationReports,
  "app/api/moderation/reports/[id]/dismiss/route.ts": moderationReportDismiss,
  "app/api/moderation/posts/[id]/remove/route.ts": moderationPostRemove,
  "app/api/moderation/comments/[id]/remove/route.ts": moderationCommentRemove,
  "app/api/moderation/users/[id]/suspend/route.ts": moderationUserSuspend,
  "app/api/moderation/users/[id]/unsuspend/route.ts": moderationUserUnsuspend,
  "app/api/moderation/users/[id]/role/route.ts": moderationUserRole,
  "app/api/moderation/log/route.ts": moderationLog,
};

/**
 * Handlers that are not ours to describe: next-auth's endpoints (and its GET /api/auth/session,
 * which shares a file with the contract's POST), the document itself, and the JSON 404 for
 * unknown /api paths.
 */
export const UNDOCUMENTED_HANDLERS = new Set([
  ...["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => `app/api/[...path]/route.ts ${m}`),
  "app/api/auth/[...nextauth]/route.ts GET",
  "app/api/auth/[...nextauth]/route.ts POST",
  "app/api/auth/session/route.ts GET",
  "app/api/openapi.json/route.ts GET",
  "app/api/metrics/route.ts GET", // Prometheus text format, for scrapers (README: Operations)
  // Inngest's protocol for running and syncing functions (inngest/next's serve).
  "app/api/inngest/route.ts GET",
  "app/api/inngest/route.ts POST",
  "app/api/inngest/route.ts PUT",
  "app/api/media/files/[...key]/route.ts GET", // bytes, not JSON: the URLs come in Media objects
  "app/api/uploadthing/route.ts GET", // UploadThing's own protocol, for its client and servers
  "app/api/uploadthing/route.ts POST",
]);
