import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listPurchases } from "@/lib/payments/list-purchases";
import { ZPaymentSchema } from "@/lib/payments/payments.types";

// GET /api/payments/purchases – the viewer's tips and posts bought
export const GET = route(
  {
    method: "GET",
    path: "/api/payments/purchases",
    operationId: "listPurchases",
    summary: "Your purchase history",
    tags: ["Payments"],
    auth: "required",
    query: ZPageQuerySchema,
    response: pageSchema(ZPaymentSchema),
  },
  async ({ query, viewer }) => listPurchases(viewer.userId, query),
);
