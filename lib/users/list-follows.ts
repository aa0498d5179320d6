import "server-only";
import { z } from "zod";
import { decodeCursor, toPage, type Page, type TPageQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { findVisibleUserId } from "@/lib/safety/find-visible-user-id";
import { visibleAuthorWhere } from "@/lib/safety/visible-author-where";
import { loadViewerRelations } from "./load-viewer-relations";
import { USER_SUMMARY_SELECT, toUserSummary } from "./public-user";
import type { TUserSummary } from "./users.types";

const ZPositionSchema = z.object({ t: z.iso.datetime(), id: z.string() });
type Position = z.infer<typeof ZPositionSchema>;

// Rows strictly after the cursor in (createdAt desc, other user's id desc) order.
function after(position: Position | undefined, otherColumn: "followerId" | "followingId") {
  if (!position) return {};
  const t = new Date(position.t);
  return {
    OR: [{ createdAt: { lt: t } }, { createdAt: t, [otherColumn]: { lt: position.id } }],
  };
}

async function fetchRows(
  direction: "followers" | "following",
  userId: string,
  position: Position | undefined,
  take: number,
  viewerId: string | undefined,
) {
  // Accounts hidden from the viewer (blocked either way, suspended, deleted) are left out in the
  // same statement; muted ones stay, as a follow list is about who someone is, not a feed.
  const visible = visibleAuthorWhere(viewerId, { includeMuted: true });
  if (direction === "followers") {
    const rows = await db.follow.findMany({
      where: { followingId: userId, ...after(position, "followerId"), follower: visible },
      orderBy: [{ createdAt: "desc" }, { followerId: "desc" }],
      take,
      select: { createdAt: true, follower: { select: USER_SUMMARY_SELECT } },
    });
    return rows.map((r) => ({ createdAt: r.createdAt, user: r.follower }));
  }
  const rows = await db.follow.findMany({
    where: { followerId: userId, ...after(position, "followingId"), following: visible },
    orderBy: [{ createdAt: "desc" }, { followingId: "desc" }],
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
  const position = decodeCursor(page.cursor, scope, ZPositionSchema);
  const rows = await fetchRows(direction, userId, position, page.limit + 1, viewerId);
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
