import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import type { MODERATION_ACTION_KINDS, ReportTargetType } from "./moderation.types";

type Action = {
  moderatorId: string;
  kind: (typeof MODERATION_ACTION_KINDS)[number];
  targetType: ReportTargetType;
  targetId: string;
  reason: string;
  reportId?: string | null;
  snapshot?: Prisma.InputJsonValue;
};

/**
 * Inside an action's transaction: closes every open report on the target (`actioned`, or
 * `dismissed` for a dismissal; `null` leaves them open, e.g. for a role change) and writes the
 * log entry, so the queue, the log and the change itself commit together or not at all.
 */
export async function recordAction(
  tx: Tx,
  action: Action,
  resolution: "actioned" | "dismissed" | null = "actioned",
): Promise<void> {
  if (resolution)
    await tx.report.updateMany({
      where: { targetType: action.targetType, targetId: action.targetId, status: "open" },
      data: { status: resolution, resolvedAt: new Date(), resolvedById: action.moderatorId },
    });
  await tx.moderationAction.create({
    data: {
      moderatorId: action.moderatorId,
      kind: action.kind,
      targetType: action.targetType,
      targetId: action.targetId,
      reason: action.reason,
      reportId: action.reportId ?? null,
      snapshot: action.snapshot ?? Prisma.JsonNull,
    },
  });
}
