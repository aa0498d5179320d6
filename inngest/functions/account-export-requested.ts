import { buildExport } from "@/lib/account/build-export";
import { notifyExportReady } from "@/lib/notifications/notify-export-ready";
import { defineEventFunction } from "../define-function";

// account.export.requested (request-export.ts, in the row's transaction): build the zip, then
// tell the user it is ready, as two steps so a retried notification doesn't rebuild the archive.
export const accountExportRequested = defineEventFunction(
  "account-export-build",
  "account.export.requested",
  async ({ event, step }) => {
    const { exportId, userId } = event.data;
    const built = await step.run("build", () => buildExport(exportId, userId));
    if (built.status !== "ready") return built;
    const notified = await step.run("notify", () => notifyExportReady(exportId, userId));
    return { ...built, notified };
  },
);
