import "server-only";
import { keyset, toPage, type Page } from "@/lib/api/pagination";
import { Prisma, queryRows } from "@/lib/db";
import type { ReportStatus, TQueuedReport } from "./moderation.types";

const PREVIEW_CHARS = 280;

type Row = {
  id: string;
  targetType: TQueuedReport["targetType"];
  targetId: string;
  reason: TQueuedReport["reason"];
  details: string;
  status: ReportStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  reporterId: string;
  reporterUsername: string;
  reporterDisplayName: string;
  targetUserId: string | null;
  targetUsername: string | null;
  targetDisplayName: string | null;
  preview: string | null;
  openReportsOnTarget: number;
};

function toItem(row: Row): TQueuedReport {
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: row.targetId,
    reason: row.reason,
    details: row.details,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    reporter: {
      id: row.reporterId,
      username: row.reporterUsername,
      displayName: row.reporterDisplayName,
    },
    targetUser:
      row.targetUserId && row.targetUsername && row.targetDisplayName
        ? { id: row.targetUserId, username: row.targetUsername, displayName: row.targetDisplayName }
        : null,
    preview: row.preview,
    openReportsOnTarget: row.openReportsOnTarget,
  };
}

/**
 * The moderators' queue: open reports oldest first (the longest waiting are handled first), or
 * closed ones newest first. One statement a page: the reporter, the author, a preview of the
 * target (null once it is gone) and how many open reports the same target has.
 */
export async function listReports(
  status: ReportStatus,
  cursor: string | undefined,
  limit: number,
): Promise<Page<TQueuedReport>> {
  const scope = `moderation-reports:${status}`;
  const oldestFirst = status === "open";
  const keys = keyset(cursor, scope, { direction: oldestFirst ? "asc" : "desc" });
  const order = oldestFirst
    ? Prisma.sql`r."createdAt" ASC, r.id ASC`
    : Prisma.sql`r."createdAt" DESC, r.id DESC`;
  const rows = await queryRows<Row>(Prisma.sql`
    SELECT r.id, r."targetType"::text AS "targetType", r."targetId", r.reason::text AS reason,
           r.details, r.status::text AS status, r."createdAt", r."resolvedAt",
           rep.id AS "reporterId", rep.username AS "reporterUsername",
           rep."displayName" AS "reporterDisplayName",
           tu.id AS "targetUserId", tu.username AS "targetUsername",
           tu."displayName" AS "targetDisplayName",
           CASE r."targetType"
             WHEN 'post' THEN left(p.text, ${PREVIEW_CHARS})
             WHEN 'comment' THEN left(c.text, ${PREVIEW_CHARS})
             ELSE '@' || target.username
           END AS preview,
           (SELECT count(*)::int FROM "Report" o
            WHERE o."targetType" = r."targetType" AND o."targetId" = r."targetId"
              AND o.status = 'open') AS "openReportsOnTarget"
    FROM "Report" r
    JOIN "User" rep ON rep.id = r."reporterId"
    LEFT JOIN "User" tu ON tu.id = r."targetUserId"
    LEFT JOIN "Post" p ON r."targetType" = 'post' AND p.id = r."targetId"
    LEFT JOIN "Comment" c ON r."targetType" = 'comment' AND c.id = r."targetId"
    LEFT JOIN "User" target
      ON r."targetType" = 'user' AND target.id = r."targetId" AND target."deletedAt" IS NULL
    WHERE r.status = ${status}::"ReportStatus"
      AND ${keys.sql([Prisma.raw(`r."createdAt"`), Prisma.raw("r.id")])}
    ORDER BY ${order}
    LIMIT ${limit + 1}`);
  return toPage(rows, limit, scope, keys.positionOf, toItem);
}
