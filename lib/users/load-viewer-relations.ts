import "server-only";
import { db } from "@/lib/db";
import type { TViewerRelation } from "./users.types";

/**
 * How the viewer relates to each of `userIds`, in two queries whatever the list's length.
 * Signed out: every relation is null.
 */
export async function loadViewerRelations(
  viewerId: string | undefined,
  userIds: string[],
): Promise<Map<string, TViewerRelation | null>> {
  const relations = new Map<string, TViewerRelation | null>();
  if (!viewerId || userIds.length === 0) {
    for (const id of userIds) relations.set(id, null);
    return relations;
  }
  const [outgoing, incoming] = await Promise.all([
    db.follow.findMany({
      where: { followerId: viewerId, followingId: { in: userIds } },
      select: { followingId: true },
    }),
    db.follow.findMany({
      where: { followingId: viewerId, followerId: { in: userIds } },
      select: { followerId: true },
    }),
  ]);
  const following = new Set(outgoing.map((f) => f.followingId));
  const followers = new Set(incoming.map((f) => f.followerId));
  for (const id of userIds) {
    relations.set(id, {
      isSelf: id === viewerId,
      following: following.has(id),
      followsYou: followers.has(id),
    });
  }
  return relations;
}
