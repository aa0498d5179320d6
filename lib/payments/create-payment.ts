import "server-only";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/config";
import { db } from "@/lib/db";
import { assertNotBlocked } from "@/lib/safety/assert-not-blocked";
import { platformFee, toDecimalString } from "./money";
import { boughtWhere } from "./paid-post";
import type { TCreatePaymentBody, TCreatePaymentResponse } from "./payments.types";
import {
  assertPaymentsConfigured,
  createOrder,
  PayPalCallError,
  providerUnavailable,
} from "./paypal/paypal-client";

type Purchase = {
  creatorId: string;
  creatorUsername: string;
  postId: string | null;
  amount: number;
  currency: string;
  description: string;
};

// A suspended creator's content is hidden and they cannot be paid, whatever link a supporter kept.
function assertNotSuspended(creator: { suspendedAt: Date | null }) {
  if (creator.suspendedAt) {
    throw new ApiError(
      "account_suspended",
      "This creator's account is suspended and can't be paid.",
    );
  }
}

async function resolvePurchase(buyerId: string, input: TCreatePaymentBody): Promise<Purchase> {
  if (input.kind === "tip") {
    const creator = await db.user.findUnique({
      where: { id: input.creatorId },
      select: { id: true, username: true, suspendedAt: true },
    });
    if (!creator) throw new ApiError("not_found", "No such user to tip.");
    assertNotSuspended(creator);
    if (creator.id === buyerId) throw new ApiError("unprocessable", "You can't tip yourself.");
    return {
      creatorId: creator.id,
      creatorUsername: creator.username,
      postId: null,
      amount: input.amount,
      currency: input.currency,
      description: `Tip for @${creator.username} on Grover`,
    };
  }
  const post = await db.post.findUnique({
    where: { id: input.postId },
    select: {
      id: true,
      authorId: true,
      priceAmount: true,
      priceCurrency: true,
      author: { select: { username: true, suspendedAt: true } },
    },
  });
  if (!post) throw new ApiError("not_found", "No such post.");
  assertNotSuspended(post.author);
  if (post.priceAmount === null || post.priceCurrency === null) {
    throw new ApiError("unprocessable", "This post is free: there is nothing to buy.");
  }
  if (post.authorId === buyerId)
    throw new ApiError("unprocessable", "You can't buy your own post.");
  // Captured, or captured and pending at PayPal: either way a second order could not be captured.
  const bought = await db.payment.findFirst({
    where: boughtWhere(buyerId, post.id, { orPending: true }),
    select: { id: true },
  });
  if (bought) throw new ApiError("conflict", "You have already bought this post.");
  return {
    creatorId: post.authorId,
    creatorUsername: post.author.username,
    postId: post.id,
    amount: post.priceAmount,
    currency: post.priceCurrency,
    description: `Post by @${post.author.username} on Grover`,
  };
}

// PayPal cancels an order that isn't captured within 3 hours (its default): an open purchase
// older than that is not answered again, and a new order is made.
const OPEN_ORDER_MS = 3 * 60 * 60 * 1000;

type NewPayment = {
  buyerId: string;
  creatorId: string;
  kind: TCreatePaymentBody["kind"];
  postId: string | null;
  amount: number;
  currency: string;
  fee: number;
};

/**
 * The payment row to order: a new one, or for a post the buyer's open order for it (at the same
 * price, under OPEN_ORDER_MS old), as `POST /api/users/me/export` answers an export being built.
 * An advisory lock on (buyer, post) makes the check and the insert one step, so two requests at
 * once get one order. (Execute still claims the pair before capturing: see execute-payment.ts.)
 */
async function openOrCreate(data: NewPayment): Promise<{ id: string }> {
  if (data.kind === "tip" || data.postId === null) {
    return db.payment.create({ data, select: { id: true } });
  }
  const postId = data.postId;
  return db.$transaction(async (tx) => {
    // $executeRaw: pg_advisory_xact_lock returns void, which $queryRaw can't deserialize.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`purchase:${data.buyerId}:${postId}`}, 0))`;
    const open = await tx.payment.findFirst({
      where: {
        buyerId: data.buyerId,
        postId,
        kind: "post_purchase",
        status: "created",
        amount: data.amount,
        currency: data.currency,
        createdAt: { gt: new Date(Date.now() - OPEN_ORDER_MS) },
      },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    return open ?? tx.payment.create({ data, select: { id: true } });
  });
}

/**
 * Starts a payment: the row (with the fee fixed now), then a PayPal order for exactly that
 * amount, paid to the platform's account. The buyer approves it at `approvalUrl`; the execute
 * endpoint captures it. PayPal-Request-Id is the payment's id, so a retried create can't open two
 * orders for one payment, and answering an open purchase again gets PayPal's first answer (the
 * same order and approval link) back.
 */
export async function createPayment(
  buyerId: string,
  input: TCreatePaymentBody,
  origin: string,
): Promise<TCreatePaymentResponse> {
  await assertPaymentsConfigured();
  const config = env();
  const purchase = await resolvePurchase(buyerId, input);
  // No money between people who block each other, either way.
  const action = input.kind === "tip" ? "tip them" : "buy their posts";
  await assertNotBlocked(buyerId, purchase.creatorId, action);
  if (!config.PAYMENT_CURRENCIES.includes(purchase.currency as never)) {
    throw new ApiError("unprocessable", `Payments in ${purchase.currency} are not accepted here.`);
  }

  const payment = await openOrCreate({
    buyerId,
    creatorId: purchase.creatorId,
    kind: input.kind,
    postId: purchase.postId,
    amount: purchase.amount,
    currency: purchase.currency,
    fee: platformFee(purchase.amount, config.PLATFORM_FEE_BPS),
  });

  const back = `${origin}/checkout/return?payment=${payment.id}`;
  let order;
  try {
    order = await createOrder(`order-${payment.id}`, {
      intent: "CAPTURE",
      purchase_units: [
        {
          reference_id: payment.id,
          custom_id: payment.id,
          description: purchase.description,
          amount: {
            currency_code: purchase.currency,
            value: toDecimalString(purchase.amount, purchase.currency),
          },
        },
      ],
      application_context: {
        brand_name: "Grover",
        user_action: "PAY_NOW",
        shipping_preference: "NO_SHIPPING",
        return_url: back,
        cancel_url: `${back}&cancelled=1`,
      },
    });
  } catch (error) {
    if (error instanceof PayPalCallError && error.unavailable) throw providerUnavailable();
    throw error;
  }
  const approvalUrl = order.links?.find((l) => l.rel === "approve" || l.rel === "payer-action");
  if (!order.id || !approvalUrl)
    throw new Error("PayPal created an order without an approval link.");

  await db.payment.update({
    where: { id: payment.id },
    data: {
      paypalOrderId: order.id,
      payeeMerchantId: order.purchase_units?.[0]?.payee?.merchant_id ?? null,
    },
  });
  return {
    id: payment.id,
    orderId: order.id,
    approvalUrl: approvalUrl.href,
    amount: purchase.amount,
    currency: purchase.currency,
  };
}
