import "server-only";
import { db } from "@/lib/db";
import { findUserId } from "@/lib/users/find-user-id";

/**
 * Whether the viewer blocks and mutes a user, for the profile menu. A profile the viewer blocks
 * answers 404, so the menu can't read this from the profile.
 */
export async function getSafetyState(viewerId: string, targetRef: string) {
  const targetId = await findUserId(targetRef);
  const [block, mute] = await Promise.all([
    db.block.findUnique({
      where: { blockerId_blockedId: { blockerId: viewerId, blockedId: targetId } },
      select: { blockerId: true },
    }),
    db.mute.findUnique({
      where: { muterId_mutedId: { muterId: viewerId, mutedId: targetId } },
      select: { muterId: true },
    }),
  ]);
  return { blocking: block !== null, muting: mute !== null };
}
