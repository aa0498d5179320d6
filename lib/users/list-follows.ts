import "server-only";
import type { Page, TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { findVisibleUserId } from "@/lib/safety/find-visible-user-id";
import { visibleAuthorWhere } from "@/lib/safety/visibility";
import { USER_SUMMARY_SELECT } from "./user-summary-select";
import { toUserListPage, userListKeyset } from "./user-list-page";
import type { TUserSummary } from "./users.types";

async function fetchRows(
  direction: "followers" | "following",
  userId: string,
  page: TPageQuery,
  scope: string,
  viewerId: string | undefined,
) {
  const take = page.limit + 1;
  // Accounts hidden from the viewer (blocked either way, suspended, deleted) are left out in the
  // same statement; muted ones stay, as a follow list is about who someone is, not a feed.
  const visible = visibleAuthorWhere(viewerId, { includeMuted: true });
  if (direction === "followers") {
    const keys = userListKeyset(page, scope, "followerId");
    const rows = await db.follow.findMany({
      where: { followingId: userId, ...keys.where, follower: visible },
      orderBy: keys.orderBy,
      take,
      select: { createdAt: true, follower: { select: USER_SUMMARY_SELECT } },
    });
    return rows.map((r) => ({ createdAt: r.createdAt, user: r.follower }));
  }
  const keys = userListKeyset(page, scope, "followingId");
  const rows = await db.follow.findMany({
    where: { followerId: userId, ...keys.where, following: visible },
    orderBy: keys.orderBy,
    take,
    select: { createdAt: true, following: { select: USER_SUMMARY_SELECT } },
  });
  return rows.map((r) => ({ createdAt: r.createdAt, user: r.following }));
}

/**
 * A user's followers or the people they follow, most recent first, by keyset on
 * (createdAt, other user's id), which the Follow indexes serve directly.
 */
export async function listFollows(
  direction: "followers" | "following",
  ref: string,
  page: TPageQuery,
  viewerId?: string,
): Promise<Page<TUserSummary>> {
  const userId = await findVisibleUserId(ref, viewerId);
  const scope = `${direction}:${userId}`;
  const rows = await fetchRows(direction, userId, page, scope, viewerId);
  return toUserListPage(rows, page, scope, viewerId);
}
