-- CreateEnum
CREATE TYPE "IdempotencyStatus" AS ENUM ('pending', 'completed');

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "paypalRefundId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" "IdempotencyStatus" NOT NULL DEFAULT 'pending',
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Refund_paypalRefundId_key" ON "Refund"("paypalRefundId");

-- CreateIndex
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_userId_key_key" ON "IdempotencyKey"("userId", "key");

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand from here (SQL that prisma/schema.prisma cannot express).
-- Keep semicolons out of comments: Prisma's driver-adapter engine splits scripts at every one.

-- Refunds already applied are in the ledger as "refund:<PayPal refund id>:gross" entries: they
-- become Refund rows, so that refundedAmount is the sum of refunds from the start.
INSERT INTO "Refund" ("id", "paypalRefundId", "paymentId", "amount", "createdAt")
SELECT 'backfill_' || "id",
       substring("idempotencyKey" FROM '^refund:(.*):gross$'),
       "paymentId",
       -"amount",
       "createdAt"
FROM "LedgerEntry"
WHERE "kind" = 'refund' AND "paymentId" IS NOT NULL AND "idempotencyKey" LIKE 'refund:%:gross'
ON CONFLICT ("paypalRefundId") DO NOTHING;

-- A capture attempt on a post purchase now claims the (buyer, post) pair (the index below).
-- Unfinished attempts from before (an execute before approval left captureAttemptedAt set) are
-- released where another purchase of the pair is captured or was attempted later. That is safe:
-- a capture that did happen at PayPal is found again by reading the order (execute-payment.ts).
UPDATE "Payment" AS p SET "captureAttemptedAt" = NULL
WHERE p."kind" = 'post_purchase' AND p."status" = 'created' AND p."captureAttemptedAt" IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM "Payment" AS q
    WHERE q."buyerId" = p."buyerId" AND q."postId" = p."postId" AND q."kind" = 'post_purchase'
      AND q."id" <> p."id"
      AND (q."status" = 'captured'
        OR (q."status" IN ('created', 'approved') AND q."captureAttemptedAt" IS NOT NULL
          AND (q."captureAttemptedAt", q."id") > (p."captureAttemptedAt", p."id"))));

-- A post is bought once: per (buyer, post) at most one purchase is captured, or being captured
-- (a capture call under way, or pending at PayPal). Execute claims the pair by setting
-- captureAttemptedAt before it calls PayPal, so a second order loses here and is never captured.
-- A database that already holds two captured purchases of one post by one buyer fails this
-- migration on purpose: refund one of them at PayPal first (the refund webhook records it).
CREATE UNIQUE INDEX "Payment_one_purchase_key" ON "Payment" ("buyerId", "postId")
  WHERE "kind" = 'post_purchase'
    AND ("status" = 'captured'
      OR ("status" IN ('created', 'approved') AND "captureAttemptedAt" IS NOT NULL));
