import "server-only";
import { strToU8, zipSync, type Zippable } from "fflate";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { requestUserEmail } from "@/lib/mail/request-user-email";
import { mediaStorage } from "@/lib/media/storage";
import { collectExportData } from "./collect-export-data";

export type BuildExportResult = { status: "ready" | "failed" | "skipped" };

/**
 * Builds the zip for a pending export and stores it: the JSON files from collectExportData and
 * the user's media under media/. Media are stored uncompressed (WebP and video already are). A
 * failure marks the export failed with a message the user can read, rather than retrying a
 * build that would fail the same way; the user can ask again.
 */
export async function buildExport(exportId: string, userId: string): Promise<BuildExportResult> {
  const row = await db.dataExport.findFirst({
    where: { id: exportId, userId },
    select: { status: true },
  });
  // Gone (the account was deleted) or already built by an earlier attempt.
  if (row?.status !== "pending") return { status: "skipped" };

  const storage = mediaStorage();
  try {
    const data = await collectExportData(userId);
    const zippable: Zippable = {};
    for (const [name, content] of Object.entries(data.files)) {
      zippable[name] = strToU8(JSON.stringify(content, null, 2));
    }
    const missing: string[] = [];
    for (const file of data.media) {
      try {
        zippable[file.archivePath] = [await storage.read(file.fileKey), { level: 0 }];
      } catch (error) {
        // One unreadable file shouldn't cost the whole archive; the list says what is missing.
        log.error("export: media file not read", { exportId, key: file.fileKey, error });
        missing.push(file.archivePath);
      }
    }
    if (missing.length) zippable["missing-media.json"] = strToU8(JSON.stringify(missing, null, 2));

    const zip = zipSync(zippable, { level: 6 });
    const fileKey = await storage.put(`exports/${userId}/${exportId}.zip`, zip, "application/zip");
    // Ready and its "your export is ready" mail in one transaction: a retried build finds it
    // ready and asks for no second mail (and the key would send one anyway).
    const count = await db.$transaction(async (tx) => {
      const ready = await tx.dataExport.updateMany({
        where: { id: exportId, userId, status: "pending" },
        data: { status: "ready", fileKey, size: zip.byteLength, completedAt: new Date() },
      });
      if (ready.count > 0) {
        await requestUserEmail(tx, {
          userId,
          template: "export-ready",
          data: { exportId },
          dedupeKey: `export-ready:${exportId}`,
        });
      }
      return ready.count;
    });
    if (count === 0) {
      // The row went away meanwhile (account deleted): don't leave the zip behind.
      await storage.delete(fileKey).catch(() => {});
      return { status: "skipped" };
    }
    return { status: "ready" };
  } catch (error) {
    log.error("export failed", { exportId, error });
    await db.dataExport.updateMany({
      where: { id: exportId, userId, status: "pending" },
      data: {
        status: "failed",
        error: "The archive could not be built. Please try again later.",
        completedAt: new Date(),
      },
    });
    return { status: "failed" };
  }
}
