import { z } from "zod";

// Money is integer minor units (cents) of an ISO 4217 currency. Every supported currency has two
// decimals; a fractional amount of minor units (1.5 cents) is refused, not rounded.
export const SUPPORTED_CURRENCIES = ["USD", "EUR", "GBP"] as const;
export const CURRENCY_DECIMALS: Record<TCurrency, number> = { USD: 2, EUR: 2, GBP: 2 };

/** Tips: 1.00 to 1,000.00. Paid posts: 0.50 to 500.00. Payouts: 1.00 to 10,000.00. */
export const TIP_MIN = 100;
export const TIP_MAX = 100_000;
export const PRICE_MIN = 50;
export const PRICE_MAX = 50_000;
export const PAYOUT_MIN = 100;
export const PAYOUT_MAX = 1_000_000;

export const ZCurrencySchema = z
  .enum(SUPPORTED_CURRENCIES, { message: `must be one of ${SUPPORTED_CURRENCIES.join(", ")}` })
  .meta({ description: "ISO 4217 code." });

function minorUnits(min: number, max: number) {
  return z
    .int({ message: "must be a whole number of minor units (cents)" })
    .min(min, `must be at least ${min} minor units`)
    .max(max, `must be at most ${max} minor units`)
    .meta({ description: `Minor units (cents), ${min}–${max}.` });
}

export const ZPriceSchema = z
  .strictObject({ amount: minorUnits(PRICE_MIN, PRICE_MAX), currency: ZCurrencySchema })
  .meta({ id: "Price", description: "A paid post's price." });

const id = z.string().min(1).max(64);

export const ZCreatePaymentBodySchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("tip"),
      creatorId: id.meta({ description: "The user to tip." }),
      amount: minorUnits(TIP_MIN, TIP_MAX),
      currency: ZCurrencySchema,
    }),
    z.strictObject({
      kind: z.literal("post_purchase"),
      postId: id.meta({ description: "The paid post to buy, at its price." }),
    }),
  ])
  .meta({ id: "CreatePaymentRequest" });

export const ZCreatePaymentResponseSchema = z
  .object({
    id: z.string().meta({ description: "The payment's id." }),
    orderId: z.string().meta({ description: "The PayPal order id." }),
    approvalUrl: z.string().meta({ description: "Where the buyer approves the order." }),
    amount: z.int(),
    currency: z.string(),
  })
  .meta({ id: "CreatePaymentResponse" });

export const ZExecutePaymentBodySchema = z
  .strictObject({ orderId: z.string().min(1).max(64) })
  .meta({ id: "ExecutePaymentRequest" });

export const ZIdParamsSchema = z.object({ id });

export const ZPaymentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["tip", "post_purchase"]),
    status: z.enum(["created", "approved", "captured", "denied", "refunded"]),
    buyerId: z.string(),
    creatorId: z.string(),
    postId: z.string().nullable(),
    amount: z.int().meta({ description: "Minor units." }),
    currency: z.string(),
    fee: z.int().meta({ description: "The platform's fee, minor units." }),
    net: z.int().meta({ description: "What the creator is credited: amount − fee." }),
    refundedAmount: z.int(),
    paypalOrderId: z.string().nullable(),
    paypalCaptureId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    capturedAt: z.iso.datetime().nullable(),
    creator: z.object({ id: z.string(), username: z.string(), displayName: z.string() }).optional(),
  })
  .meta({ id: "Payment" });

export const ZLedgerEntrySchema = z
  .object({
    id: z.string(),
    kind: z.enum([
      "tip",
      "sale",
      "fee",
      "refund",
      "fee_refund",
      "payout_reserved",
      "payout_reversed",
    ]),
    amount: z.int().meta({ description: "Signed minor units: credits positive." }),
    currency: z.string(),
    paymentId: z.string().nullable(),
    payoutId: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "LedgerEntry" });

export const ZBalanceSchema = z
  .object({
    balances: z.array(
      z.object({
        currency: z.string(),
        available: z.int().meta({ description: "Minor units; the sum of the ledger." }),
      }),
    ),
  })
  .meta({ id: "Balance" });

export const ZCreatePayoutBodySchema = z
  .strictObject({
    amount: minorUnits(PAYOUT_MIN, PAYOUT_MAX),
    currency: ZCurrencySchema,
    paypalEmail: z
      .email()
      .max(254)
      .optional()
      .meta({ description: "Where PayPal sends the money; your account email by default." }),
  })
  .meta({ id: "CreatePayoutRequest" });

export const ZPayoutSchema = z
  .object({
    id: z.string().meta({ description: "Also PayPal's sender_batch_id." }),
    amount: z.int(),
    currency: z.string(),
    paypalEmail: z.string(),
    status: z.enum(["pending", "processing", "success", "failed"]),
    paypalBatchId: z.string().nullable(),
    failureReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    settledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Payout" });

export const ZPaymentsConfigSchema = z
  .object({
    enabled: z.boolean(),
    mode: z.enum(["sandbox", "live", "local"]).nullable(),
    clientId: z.string().nullable().meta({ description: "For PayPal's JS SDK buttons." }),
    currencies: z.array(z.string()),
    feeBps: z.int(),
    tip: z.object({ min: z.int(), max: z.int() }),
    price: z.object({ min: z.int(), max: z.int() }),
    payout: z.object({ min: z.int(), max: z.int() }),
  })
  .meta({ id: "PaymentsConfig" });

export const ZWebhookEventSchema = z
  .looseObject({
    id: z.string().min(1).max(128),
    event_type: z.string().min(1).max(128),
    resource: z.looseObject({}),
  })
  .meta({ id: "PayPalWebhookEvent" });

export type TCurrency = (typeof SUPPORTED_CURRENCIES)[number];
export type TPrice = z.infer<typeof ZPriceSchema>;
export type TCreatePaymentBody = z.infer<typeof ZCreatePaymentBodySchema>;
export type TCreatePaymentResponse = z.infer<typeof ZCreatePaymentResponseSchema>;
export type TPayment = z.infer<typeof ZPaymentSchema>;
export type TLedgerEntry = z.infer<typeof ZLedgerEntrySchema>;
export type TBalance = z.infer<typeof ZBalanceSchema>;
export type TCreatePayoutBody = z.infer<typeof ZCreatePayoutBodySchema>;
export type TPayout = z.infer<typeof ZPayoutSchema>;
export type TPaymentsConfig = z.infer<typeof ZPaymentsConfigSchema>;
export type TWebhookEvent = z.infer<typeof ZWebhookEventSchema>;
