import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { createPayout } from "@/lib/payments/create-payout";
import { listPayouts } from "@/lib/payments/list-payouts";
import { ZCreatePayoutBodySchema, ZPayoutSchema } from "@/lib/payments/payments.types";

// GET /api/payments/payout – the viewer's payouts
export const GET = route(
  {
    method: "GET",
    path: "/api/payments/payout",
    operationId: "listPayouts",
    summary: "Your payouts",
    tags: ["Payments"],
    auth: "required",
    query: ZPageQuerySchema,
    response: pageSchema(ZPayoutSchema),
  },
  async ({ query, viewer }) => listPayouts(viewer.userId, query),
);

// POST /api/payments/payout – withdraw balance to PayPal
export const POST = route(
  {
    method: "POST",
    path: "/api/payments/payout",
    operationId: "createPayout",
    summary: "Withdraw to PayPal",
    description:
      "Reserves the amount from your balance at once (two requests can't spend the same money), " +
      "then asks PayPal to pay it. Follow it with `GET /api/payments/payout/{id}/status`. " +
      "403 `email_not_verified` until the account's email address is confirmed.",
    tags: ["Payments"],
    auth: "required",
    body: ZCreatePayoutBodySchema,
    bodyExample: { amount: 2500, currency: "USD", paypalEmail: "ada@example.com" },
    response: ZPayoutSchema,
    status: 201,
    idempotent: true,
    errors: [
      "insufficient_funds",
      "unprocessable",
      "account_suspended",
      "email_not_verified",
      "payments_not_configured",
    ],
  },
  async ({ body, viewer }) => createPayout(viewer.userId, body),
);
