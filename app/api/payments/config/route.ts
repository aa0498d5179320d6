import { route } from "@/lib/api/route";
import { getPaymentsConfig } from "@/lib/payments/payments-config";
import { ZPaymentsConfigSchema } from "@/lib/payments/payments.types";

// GET /api/payments/config – whether payments are on, PayPal's client id, currencies and bounds
export const GET = route(
  {
    method: "GET",
    path: "/api/payments/config",
    operationId: "getPaymentConfig",
    summary: "Payment settings",
    description:
      "What a client needs to offer tips and paid posts. `enabled: false`: checkout answers 503.",
    tags: ["Payments"],
    auth: "none",
    response: ZPaymentsConfigSchema,
  },
  async () => getPaymentsConfig(),
);
