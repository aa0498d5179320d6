import "server-only";
import type { Page, TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { USER_SUMMARY_SELECT } from "@/lib/users/user-summary-select";
import { toUserListPage, userListKeyset } from "@/lib/users/user-list-page";
import type { TUserSummary } from "@/lib/users/users.types";

async function fetchRows(
  kind: "blocks" | "mutes",
  viewerId: string,
  page: TPageQuery,
  scope: string,
) {
  const take = page.limit + 1;
  if (kind === "blocks") {
    const keys = userListKeyset(page, scope, "blockedId");
    const rows = await db.block.findMany({
      where: { blockerId: viewerId, ...keys.where },
      orderBy: keys.orderBy,
      take,
      select: { createdAt: true, blocked: { select: USER_SUMMARY_SELECT } },
    });
    return rows.map((r) => ({ createdAt: r.createdAt, user: r.blocked }));
  }
  const keys = userListKeyset(page, scope, "mutedId");
  const rows = await db.mute.findMany({
    where: { muterId: viewerId, ...keys.where },
    orderBy: keys.orderBy,
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
  return toUserListPage(await fetchRows(kind, viewerId, page, scope), page, scope, viewerId);
}
