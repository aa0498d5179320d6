import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, Prisma } from "@/lib/db";

/**
 * Disconnects a sign-in provider from the user's account, unless it is their only way in: an
 * account with no password and no other provider could never be signed in to again.
 */
export async function disconnectProvider(userId: string, provider: string): Promise<void> {
  await db.$transaction(async (tx) => {
    // Two disconnects at once must not each leave the other as the last way in: one at a time.
    await tx.$queryRaw(Prisma.sql`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`);
    // An explicit select overrides the client's global omit of passwordHash.
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { passwordHash: true },
    });
    const accounts = await tx.account.findMany({ where: { userId }, select: { provider: true } });
    const others = accounts.filter((a) => a.provider !== provider).length;
    if (others === accounts.length) {
      throw new ApiError("not_found", "That provider isn't connected to your account.");
    }
    if (!user?.passwordHash && others === 0) {
      throw new ApiError(
        "unprocessable",
        "It's the only way you sign in: connect another provider before disconnecting this one.",
      );
    }
    await tx.account.deleteMany({ where: { userId, provider } });
  });
}
