import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { recordAction } from "./record-action";

/**
 * A moderator finds nothing to act on: the report, and every other open report on the same
 * target (they are about the same content, and the queue shows them as one), become dismissed,
 * and the decision is logged.
 */
export async function dismissReport(moderatorId: string, reportId: string, reason: string) {
  return db.$transaction(async (tx) => {
    const report = await tx.report.findUnique({
      where: { id: reportId },
      select: { id: true, targetType: true, targetId: true, status: true },
    });
    if (!report) throw new ApiError("not_found", "No such report.");
    if (report.status !== "open") {
      throw new ApiError("conflict", `This report is already ${report.status}.`);
    }
    await recordAction(
      tx,
      {
        moderatorId,
        kind: "dismiss_report",
        targetType: report.targetType,
        targetId: report.targetId,
        reason,
        reportId: report.id,
      },
      "dismissed",
    );
  });
}
