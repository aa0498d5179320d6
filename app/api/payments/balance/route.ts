import { route } from "@/lib/api/route";
import { getBalance } from "@/lib/payments/get-balance";
import { ZBalanceSchema } from "@/lib/payments/payments.types";

// GET /api/payments/balance – the viewer's earnings balance per currency
export const GET = route(
  {
    method: "GET",
    path: "/api/payments/balance",
    operationId: "getBalance",
    summary: "Your balance",
    description: "Net of the platform fee and of payouts; the sum of `GET /api/payments/ledger`.",
    tags: ["Payments"],
    auth: "required",
    response: ZBalanceSchema,
  },
  async ({ viewer }) => getBalance(viewer.userId),
);
