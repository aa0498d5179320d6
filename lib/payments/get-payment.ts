import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { TPayment } from "./payments.types";
import { PAYMENT_SELECT, toPayment } from "./to-payment";

/** A payment, for its buyer or its creator only. */
export async function getPayment(id: string, viewerId: string): Promise<TPayment> {
  const row = await db.payment.findUnique({ where: { id }, select: PAYMENT_SELECT });
  if (!row) throw new ApiError("not_found", "No such payment.");
  if (row.buyerId !== viewerId && row.creatorId !== viewerId) {
    throw new ApiError("forbidden", "Only the buyer and the creator can see this payment.");
  }
  return toPayment(row);
}
