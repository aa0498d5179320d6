import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPayment, TPayout } from "./payments.types";

export const PAYMENT_SELECT = {
  id: true,
  kind: true,
  status: true,
  buyerId: true,
  creatorId: true,
  postId: true,
  amount: true,
  currency: true,
  fee: true,
  refundedAmount: true,
  paypalOrderId: true,
  paypalCaptureId: true,
  createdAt: true,
  capturedAt: true,
  creator: { select: { id: true, username: true, displayName: true } },
} satisfies Prisma.PaymentSelect;

type PaymentRow = Prisma.PaymentGetPayload<{ select: typeof PAYMENT_SELECT }>;

export function toPayment(row: PaymentRow): TPayment {
  return {
    ...row,
    net: row.amount - row.fee,
    createdAt: row.createdAt.toISOString(),
    capturedAt: row.capturedAt?.toISOString() ?? null,
  };
}

export const PAYOUT_SELECT = {
  id: true,
  amount: true,
  currency: true,
  paypalEmail: true,
  status: true,
  paypalBatchId: true,
  failureReason: true,
  createdAt: true,
  settledAt: true,
} satisfies Prisma.PayoutSelect;

type PayoutRow = Prisma.PayoutGetPayload<{ select: typeof PAYOUT_SELECT }>;

export function toPayout(row: PayoutRow): TPayout {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
  };
}
