import { route } from "@/lib/api/route";
import { ZDataExportSchema, ZLatestDataExportSchema } from "@/lib/account/account.types";
import { getLatestExport } from "@/lib/account/get-latest-export";
import { requestExport } from "@/lib/account/request-export";

// POST /api/users/me/export – start an archive of your data
export const POST = route(
  {
    method: "POST",
    path: "/api/users/me/export",
    operationId: "requestDataExport",
    summary: "Export your data",
    description:
      "Starts building a zip of your data in the background (profile, posts with hashtags and edit history, comments, likes, reactions, saves, follows, payments, ledger, settings and your media). While one is being built, asking again answers that one. Poll GET /api/users/me/export; a notification says when it is ready.",
    tags: ["Account"],
    auth: "required",
    response: ZDataExportSchema,
    status: 201,
  },
  async ({ viewer }) => requestExport(viewer.userId),
);

// GET /api/users/me/export – your latest export and its status
export const GET = route(
  {
    method: "GET",
    path: "/api/users/me/export",
    operationId: "getLatestDataExport",
    summary: "Your latest data export",
    description: "`export` is null until you ask for one; `downloadUrl` is set once it is ready.",
    tags: ["Account"],
    auth: "required",
    response: ZLatestDataExportSchema,
  },
  async ({ viewer }) => ({ export: await getLatestExport(viewer.userId) }),
);
