import { pageSchema, ZPageQuerySchema } from "@/lib/api/pagination";
import { route } from "@/lib/api/route";
import { listLedger } from "@/lib/payments/list-ledger";
import { ZLedgerEntrySchema } from "@/lib/payments/payments.types";

// GET /api/payments/ledger – every movement of the viewer's balance
export const GET = route(
  {
    method: "GET",
    path: "/api/payments/ledger",
    operationId: "listLedgerEntries",
    summary: "Your ledger",
    tags: ["Payments"],
    auth: "required",
    query: ZPageQuerySchema,
    response: pageSchema(ZLedgerEntrySchema),
  },
  async ({ query, viewer }) => listLedger(viewer.userId, query),
);
