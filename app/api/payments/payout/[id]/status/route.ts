import { route } from "@/lib/api/route";
import { ZIdParamsSchema, ZPayoutSchema } from "@/lib/payments/payments.types";
import { refreshPayout } from "@/lib/payments/refresh-payout";

// GET /api/payments/payout/{id}/status – refresh a payout's status from PayPal
export const GET = route(
  {
    method: "GET",
    path: "/api/payments/payout/{id}/status",
    operationId: "getPayoutStatus",
    summary: "A payout's status",
    description: "Asks PayPal and settles it: a failed payout returns its amount to your balance.",
    tags: ["Payments"],
    auth: "required",
    params: ZIdParamsSchema,
    response: ZPayoutSchema,
    errors: ["not_found", "forbidden", "payments_not_configured"],
  },
  async ({ params, viewer }) => refreshPayout(params.id, viewer.userId),
);
