// Shared with the browser (the report dialog), so nothing server-only here.
import { z } from "zod";

export const REPORT_TARGETS = ["post", "comment", "user"] as const;
export const REPORT_REASONS = [
  "spam",
  "harassment",
  "hate",
  "violence",
  "nudity",
  "self_harm",
  "impersonation",
  "other",
] as const;
export const REPORT_STATUSES = ["open", "actioned", "dismissed"] as const;
export const MODERATION_ACTION_KINDS = [
  "remove_post",
  "remove_comment",
  "suspend_user",
  "unsuspend_user",
  "dismiss_report",
  "grant_moderator",
  "revoke_moderator",
] as const;

const ZIdSchema = z.string().min(1).max(64);

export const ZCreateReportBodySchema = z
  .object({
    targetType: z.enum(REPORT_TARGETS),
    targetId: ZIdSchema.meta({ description: "The post's, comment's or user's id." }),
    reason: z.enum(REPORT_REASONS),
    details: z.string().trim().max(1000).default(""),
  })
  .meta({ id: "CreateReportBody" });

export const ZReportSchema = z
  .object({
    id: z.string(),
    targetType: z.enum(REPORT_TARGETS),
    targetId: z.string(),
    reason: z.enum(REPORT_REASONS),
    details: z.string(),
    status: z.enum(REPORT_STATUSES),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Report" });

/** Every moderation action says why: it is shown in the log and kept for appeals. */
export const ZModerationReasonBodySchema = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .meta({ id: "ModerationReasonBody" });

export const ZRemoveContentBodySchema = ZModerationReasonBodySchema.extend({
  reportId: ZIdSchema.optional().meta({ description: "The report this action answers, if any." }),
}).meta({ id: "RemoveContentBody" });

export const ZSetRoleBodySchema = z
  .object({
    role: z.enum(["user", "moderator"]),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: "SetRoleBody" });

export const ZIdParamsSchema = z.object({ id: ZIdSchema });

const ZUserRefSchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string() })
  .meta({ id: "ModerationUserRef" });

export const ZQueuedReportSchema = ZReportSchema.extend({
  reporter: ZUserRefSchema,
  targetUser: ZUserRefSchema.nullable().meta({ description: "The content's author." }),
  preview: z
    .string()
    .nullable()
    .meta({ description: "The post or comment text, or the username; null when it is gone." }),
  openReportsOnTarget: z.number().int(),
  resolvedAt: z.iso.datetime().nullable(),
}).meta({ id: "QueuedReport" });

export const ZModerationActionSchema = z
  .object({
    id: z.string(),
    moderator: ZUserRefSchema,
    kind: z.enum(MODERATION_ACTION_KINDS),
    targetType: z.enum(REPORT_TARGETS),
    targetId: z.string(),
    reason: z.string(),
    reportId: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ModerationAction" });

export const ZUserRoleSchema = z
  .object({ id: z.string(), role: z.enum(["user", "moderator", "admin"]) })
  .meta({ id: "UserRole" });

export const ZSuspensionSchema = z
  .object({ id: z.string(), suspendedAt: z.iso.datetime().nullable() })
  .meta({ id: "Suspension" });

export type TCreateReportBody = z.infer<typeof ZCreateReportBodySchema>;
export type TReport = z.infer<typeof ZReportSchema>;
export type TQueuedReport = z.infer<typeof ZQueuedReportSchema>;
export type TModerationAction = z.infer<typeof ZModerationActionSchema>;
export type TRemoveContentBody = z.infer<typeof ZRemoveContentBodySchema>;
export type ReportTargetType = (typeof REPORT_TARGETS)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];
