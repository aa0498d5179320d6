import { z } from "zod";
import { route } from "@/lib/api/route";
import { handleWebhook } from "@/lib/payments/handle-webhook";

// POST /api/payments/webhook – PayPal's webhook deliveries
export const POST = route(
  {
    method: "POST",
    path: "/api/payments/webhook",
    operationId: "receivePaypalWebhook",
    summary: "PayPal webhook",
    description:
      "For PayPal only: a webhook event (`{ id, event_type, resource, ... }`) with PayPal's " +
      "`PAYPAL-TRANSMISSION-*` headers, verified through PayPal's verify-webhook-signature API " +
      "(401 when it doesn't verify) and applied once however often it is delivered. The body is " +
      "read as sent, since the signature covers it exactly.",
    tags: ["Payments"],
    auth: "none",
    rateLimit: "none",
    response: z.object({ applied: z.boolean() }),
    errors: [
      "bad_request",
      "unauthorized",
      "payments_not_configured",
      "payment_provider_unavailable",
    ],
  },
  async ({ req }) => handleWebhook(req.headers, await req.text()),
);
