import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { findUserId } from "@/lib/users/find-user-id";
import type { TBlockState } from "./safety.types";

/** Unblocks a user. Idempotent; the follows the block removed stay removed. */
export async function unblockUser(blockerId: string, targetRef: string): Promise<TBlockState> {
  const blockedId = await findUserId(targetRef);
  if (blockedId === blockerId) throw new ApiError("bad_request", "You can't unblock yourself.");
  await db.block.deleteMany({ where: { blockerId, blockedId } });
  return { blocking: false };
}
