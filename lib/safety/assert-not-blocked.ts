import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, type Tx } from "@/lib/db";
import { blocksBetweenWhere } from "./visibility";

type BlockReader = Tx | typeof db;

/** Whether `a` blocks `b` or `b` blocks `a`; one indexed lookup. */
export async function blockBetween(
  a: string,
  b: string,
  client: BlockReader = db,
): Promise<"a-blocks-b" | "b-blocks-a" | null> {
  if (a === b) return null;
  const row = await client.block.findFirst({
    where: blocksBetweenWhere(a, b),
    select: { blockerId: true },
  });
  if (!row) return null;
  return row.blockerId === a ? "a-blocks-b" : "b-blocks-a";
}

/**
 * Refuses (403) a write by `actorId` that reaches `otherId` (a follow, a comment on their post,
 * a tip, a purchase) when either blocks the other. `what` names the write for the message.
 */
export async function assertNotBlocked(
  actorId: string,
  otherId: string,
  what: string,
  client: BlockReader = db,
): Promise<void> {
  const block = await blockBetween(actorId, otherId, client);
  if (block) throw blockedError(block === "a-blocks-b", what);
}

/** The 403 for a write between blocked users, saying which way the block goes. */
export function blockedError(actorIsBlocker: boolean, what: string): ApiError {
  return actorIsBlocker
    ? new ApiError("forbidden", `You have blocked this account: unblock it to ${what}.`)
    : new ApiError("forbidden", `This account has blocked you: you can't ${what}.`);
}
