import "server-only";
import type { Prisma } from "@/lib/db";

/**
 * The Prisma twin of visibleAuthorSql, for lists read through Prisma: a `where` on a user
 * (a post's author, a comment's author, a follower, an actor) that keeps only accounts the viewer
 * may see. Hidden: suspended or deleted accounts, accounts the viewer blocks or that block the
 * viewer and, unless `includeMuted`, accounts the viewer mutes. It goes inside the list's own
 * statement, so hiding never costs a query per item. Signed out, only suspension and deletion
 * hide anyone.
 */
export function visibleAuthorWhere(
  viewerId: string | null | undefined,
  { includeMuted = false }: { includeMuted?: boolean } = {},
): Prisma.UserWhereInput {
  const active: Prisma.UserWhereInput = { suspendedAt: null, deletedAt: null };
  if (!viewerId) return active;
  return {
    ...active,
    // `blockedBy` are the Block rows naming this user as blocked; `blocking` as the blocker.
    blockedBy: { none: { blockerId: viewerId } },
    blocking: { none: { blockedId: viewerId } },
    ...(includeMuted ? {} : { mutedBy: { none: { muterId: viewerId } } }),
  };
}
