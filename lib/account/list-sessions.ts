import "server-only";
import { db } from "@/lib/db";
import type { TSession } from "./account.types";

/**
 * The user's live sessions (web sign-ins and API tokens), most recently used first, marking the
 * one making this request. Revoked and expired ones are history, not something to sign out.
 */
export async function listSessions(userId: string, currentSessionId: string): Promise<TSession[]> {
  const rows = await db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: [{ lastUsedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      userAgent: true,
      ip: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    current: row.id === currentSessionId,
  }));
}
