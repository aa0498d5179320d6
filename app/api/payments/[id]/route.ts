import { route } from "@/lib/api/route";
import { getPayment } from "@/lib/payments/get-payment";
import { ZIdParamsSchema, ZPaymentSchema } from "@/lib/payments/payments.types";

// GET /api/payments/{id} – a payment, for its buyer or creator
export const GET = route(
  {
    method: "GET",
    path: "/api/payments/{id}",
    operationId: "getPayment",
    summary: "A payment",
    tags: ["Payments"],
    auth: "required",
    params: ZIdParamsSchema,
    response: ZPaymentSchema,
    errors: ["not_found", "forbidden"],
  },
  async ({ params, viewer }) => getPayment(params.id, viewer.userId),
);
