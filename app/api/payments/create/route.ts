import type { NextRequest } from "next/server";
import { route } from "@/lib/api/route";
import { createPayment } from "@/lib/payments/create-payment";
import {
  ZCreatePaymentBodySchema,
  ZCreatePaymentResponseSchema,
} from "@/lib/payments/payments.types";

/**
 * Where PayPal sends the buyer back: the app's public URL (NEXTAUTH_URL) when set, else the host
 * the request came to (req.nextUrl names "localhost" for 127.0.0.1, whose cookies differ).
 */
function publicOrigin(req: NextRequest): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "");
  return host ? `${proto}://${host}` : req.nextUrl.origin;
}

// POST /api/payments/create – a PayPal order for a tip or a paid post
export const POST = route(
  {
    method: "POST",
    path: "/api/payments/create",
    operationId: "createPayment",
    summary: "Start a payment",
    description:
      "Creates a PayPal order for a tip (`amount` in minor units) or a paid post (at its price). " +
      "Send the buyer to `approvalUrl`, then call `POST /api/payments/execute` with `orderId`.",
    tags: ["Payments"],
    auth: "required",
    body: ZCreatePaymentBodySchema,
    bodyExample: {
      kind: "tip",
      creatorId: "cm4k2x9a00001qz8b7hxy3f2d",
      amount: 500,
      currency: "USD",
    },
    response: ZCreatePaymentResponseSchema,
    status: 201,
    idempotent: true,
    errors: [
      "not_found",
      "forbidden",
      "conflict",
      "unprocessable",
      "account_suspended",
      "payments_not_configured",
      "payment_provider_unavailable",
    ],
  },
  async ({ body, viewer, req }) => createPayment(viewer.userId, body, publicOrigin(req)),
);
