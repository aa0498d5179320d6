import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Takes a transaction-scoped advisory lock on the unordered pair {a, b}, so a follow and a block
 * between the same two people run one after the other. Without it, a follow could check for a
 * block before a concurrent block commits and insert its row after the block removed the
 * follows, leaving a follow between blocked users. Taken first in both transactions, before any
 * row lock, so it can't deadlock with them; two follows between the pair (A→B and B→A) also
 * queue here instead of locking their two user rows in opposite orders.
 */
export async function lockPair(tx: Tx, a: string, b: string): Promise<void> {
  const key = a < b ? `${a}:${b}` : `${b}:${a}`;
  // $executeRaw: pg_advisory_xact_lock returns void, which $queryRaw can't deserialize.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`follow-block:${key}`}, 0))`;
}
