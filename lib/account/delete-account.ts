import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, Prisma } from "@/lib/db";
import { deleteMediaFiles } from "@/lib/media/delete-media-files";
import type { TDeleteAccountBody } from "./account.types";
import { deleteAccountRows } from "./delete-account-rows";
import { verifyReauthentication } from "./verify-reauthentication";

/**
 * Deletes the viewer's account after re-authentication (verify-reauthentication.ts). Refused
 * while a payout is in flight: its outcome (a reversal credits the balance back) must land on a
 * live account the creator can still act on. Everything goes in one transaction, with the user
 * row locked so a second delete waits and then finds the account already gone; the files go
 * after the commit, as with a deleted post, so a rolled-back delete loses none.
 */
export async function deleteAccount(userId: string, body: TDeleteAccountBody): Promise<void> {
  await verifyReauthentication(userId, body);
  const fileKeys = await db.$transaction(
    async (tx) => {
      const [user] = await tx.$queryRaw<Array<{ deletedAt: Date | null }>>(Prisma.sql`
        SELECT "deletedAt" FROM "User" WHERE id = ${userId} FOR UPDATE`);
      if (!user || user.deletedAt) throw new ApiError("not_found", "No such user.");
      const inFlight = await tx.payout.count({
        where: { creatorId: userId, status: { in: ["pending", "processing"] } },
      });
      if (inFlight > 0) {
        throw new ApiError(
          "payout_pending",
          "A payout to your PayPal account is still in progress. Wait until it has completed or failed, then delete your account.",
        );
      }
      return deleteAccountRows(tx, userId);
    },
    { timeout: 60_000 },
  );
  await deleteMediaFiles(fileKeys);
}
