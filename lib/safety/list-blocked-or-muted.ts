import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { loadViewerRelations } from "@/lib/users/load-viewer-relations";
import { USER_SUMMARY_SELECT, toUserSummary } from "@/lib/users/public-user";
import type { TUserSummary } from "@/lib/users/users.types";

const ZPositionSchema = z.object({ t: z.iso.datetime(), id: z.string() });
type Position = z.infer<typeof ZPositionSchema>;

// Rows strictly after the cursor in (createdAt desc, other user's id desc) order.
function after(position: Position | undefined, otherColumn: "blockedId" | "mutedId") {
  if (!position) return {};
  const t = new Date(position.t);
  return {
    OR: [{ createdAt: { lt: t } }, { createdAt: t, [otherColumn]: { lt: position.id } }],
  };
}

async function fetchRows(
  kind: "blocks" | "mutes",
  viewerId: string,
  position: Position | undefined,
  take: number,
) {
  if (kind === "blocks") {
    const rows = await db.block.findMany({
      where: { blockerId: viewerId, ...after(position, "blockedId") },
      orderBy: [{ createdAt: "desc" }, { blockedId: "desc" }],
      take,
      select: { createdAt: true, blocked: { select: USER_SUMMARY_SELECT } },
    });
    return rows.map((r) => ({ createdAt: r.createdAt, user: r.blocked }));
  }
  const rows = await db.mute.findMany({
    where: { muterId: viewerId, ...after(position, "mutedId") },
    orderBy: [{ createdAt: "desc" }, { mutedId: "desc" }],
    take,
    select: { createdAt: true, muted: { select: USER_SUMMARY_SELECT } },
  });
  return rows.map((r) => ({ createdAt: r.createdAt, user: r.muted }));
}

/**
 * The accounts the viewer blocks or mutes, most recent first, by keyset on (createdAt, other
 * user's id). Only the viewer's own list: the cursor is scoped to them.
 */
export async function listBlockedOrMuted(
  kind: "blocks" | "mutes",
  viewerId: string,
  page: TPageQuery,
): Promise<Page<TUserSummary>> {
  const scope = `${kind}:${viewerId}`;
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const rows = await fetchRows(kind, viewerId, position, page.limit + 1);
  const relations = await loadViewerRelations(
    viewerId,
    rows.map((r) => r.user.id),
  );
  return toPage(
    rows,
    page.limit,
    scope,
    (r) => ({ t: r.createdAt.toISOString(), id: r.user.id }),
    (r) => toUserSummary(r.user, relations.get(r.user.id) ?? null),
  );
}
