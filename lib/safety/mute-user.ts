import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { findUserId } from "@/lib/users/find-user-id";
import type { TMuteState } from "./safety.types";

/**
 * Mutes a user: their posts leave the muter's feed, explore and search, quietly (nothing tells
 * them, and follows stay). Idempotent.
 */
export async function muteUser(muterId: string, targetRef: string): Promise<TMuteState> {
  const mutedId = await findUserId(targetRef);
  if (mutedId === muterId) throw new ApiError("bad_request", "You can't mute yourself.");
  await db.mute.createMany({ data: [{ muterId, mutedId }], skipDuplicates: true });
  return { muting: true };
}
