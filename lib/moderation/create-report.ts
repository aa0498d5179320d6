import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import type { ReportTargetType, TCreateReportBody, TReport } from "./moderation.types";

/** The reported thing's canonical id and the account behind it, or 404. */
async function findTarget(
  type: ReportTargetType,
  ref: string,
): Promise<{ id: string; userId: string }> {
  if (type === "post") {
    const post = await db.post.findUnique({ where: { id: ref }, select: { authorId: true } });
    if (!post) throw new ApiError("not_found", "No such post.");
    return { id: ref, userId: post.authorId };
  }
  if (type === "comment") {
    const comment = await db.comment.findUnique({ where: { id: ref }, select: { authorId: true } });
    // A deleted placeholder has no author and nothing left to report.
    if (!comment?.authorId) throw new ApiError("not_found", "No such comment.");
    return { id: ref, userId: comment.authorId };
  }
  const user = await db.user.findFirst({
    where: { OR: [{ id: ref }, { username: ref.toLowerCase() }], deletedAt: null },
    select: { id: true },
  });
  if (!user) throw new ApiError("not_found", "No such user.");
  return { id: user.id, userId: user.id };
}

/**
 * Files a report for the moderators' queue. One per reporter and target: the unique index
 * decides (409 already_reported), so two quick clicks can't file two.
 */
export async function createReport(reporterId: string, input: TCreateReportBody): Promise<TReport> {
  if (!reporterId) throw new ApiError("unauthorized", "Sign in, or send a bearer token.");
  const target = await findTarget(input.targetType, input.targetId);
  if (target.userId === reporterId) {
    throw new ApiError("unprocessable", "You can't report yourself or your own content.");
  }
  try {
    const report = await db.report.create({
      data: {
        reporterId,
        targetType: input.targetType,
        targetId: target.id,
        targetUserId: target.userId,
        reason: input.reason,
        details: input.details,
      },
      select: {
        id: true,
        targetType: true,
        targetId: true,
        reason: true,
        details: true,
        status: true,
        createdAt: true,
      },
    });
    return { ...report, createdAt: report.createdAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError("already_reported", "You have already reported this.");
    }
    throw error;
  }
}
