import "server-only";
import { ApiError } from "@/lib/api/errors";
import { Prisma, type Tx } from "@/lib/db";

export type LockedUser = {
  id: string;
  role: "user" | "moderator" | "admin";
  suspendedAt: Date | null;
};

/**
 * The account a moderation action is about, by id or username, locked FOR UPDATE so two
 * moderators acting on it at once are applied one after the other. 404 when unknown or deleted.
 */
export async function lockUser(tx: Tx, ref: string): Promise<LockedUser> {
  const [user] = await tx.$queryRaw<LockedUser[]>(Prisma.sql`
    SELECT id, role::text AS role, "suspendedAt" FROM "User"
    WHERE (id = ${ref} OR username = ${ref.toLowerCase()}) AND "deletedAt" IS NULL
    LIMIT 1
    FOR UPDATE`);
  if (!user) throw new ApiError("not_found", "No such user.");
  return user;
}
