import "server-only";
import { createNotifications } from "./create-notifications";
import { dedupeKey } from "./dedupe-key";

/** account.export.requested, once built: tells the user their archive can be downloaded. */
export async function notifyExportReady(exportId: string, userId: string): Promise<number> {
  return createNotifications([
    {
      recipientId: userId,
      kind: "export_ready",
      actorId: null,
      postId: null,
      data: { exportId },
      dedupeKey: dedupeKey.exportReady(exportId),
    },
  ]);
}
