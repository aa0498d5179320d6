import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { findUserId } from "@/lib/users/find-user-id";
import type { TMuteState } from "./safety.types";

/** Unmutes a user. Idempotent. */
export async function unmuteUser(muterId: string, targetRef: string): Promise<TMuteState> {
  const mutedId = await findUserId(targetRef);
  if (mutedId === muterId) throw new ApiError("bad_request", "You can't unmute yourself.");
  await db.mute.deleteMany({ where: { muterId, mutedId } });
  return { muting: false };
}
