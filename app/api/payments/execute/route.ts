import { route } from "@/lib/api/route";
import { executePayment } from "@/lib/payments/execute-payment";
import { ZExecutePaymentBodySchema, ZPaymentSchema } from "@/lib/payments/payments.types";

// POST /api/payments/execute – capture an approved order (idempotent)
export const POST = route(
  {
    method: "POST",
    path: "/api/payments/execute",
    operationId: "executePayment",
    summary: "Complete a payment",
    description:
      "Captures the approved PayPal order and credits the creator. Safe to repeat: any number of " +
      "calls capture once and credit once. 503 when PayPal can't be reached: call again.",
    tags: ["Payments"],
    auth: "required",
    body: ZExecutePaymentBodySchema,
    bodyExample: { orderId: "5O190127TN364715T" },
    response: ZPaymentSchema,
    errors: [
      "not_found",
      "forbidden",
      "unprocessable",
      "payments_not_configured",
      "payment_provider_unavailable",
    ],
  },
  async ({ body, viewer }) => executePayment(viewer.userId, body.orderId),
);
