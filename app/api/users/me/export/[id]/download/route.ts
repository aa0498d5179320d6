import { route } from "@/lib/api/route";
import { ZExportParamsSchema } from "@/lib/account/account.types";
import { downloadExport } from "@/lib/account/download-export";

// GET /api/users/me/export/{id}/download – the zip of a ready export
export const GET = route(
  {
    method: "GET",
    path: "/api/users/me/export/{id}/download",
    operationId: "downloadDataExport",
    summary: "Download a data export",
    description: "The zip (`application/zip`, as an attachment), to its owner only.",
    tags: ["Account"],
    auth: "required",
    params: ZExportParamsSchema,
    errors: ["not_found"],
  },
  async ({ params, viewer }) => downloadExport(viewer.userId, params.id),
);
