import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ApiError } from "@/lib/api/errors";
import { ZAltTextSchema, type TMedia } from "./media.types";
import { blameFile, prepareMedia } from "./prepare-media";
import { readUploadForm } from "./read-upload-form";
import { storeMedia, type PreparedMedia } from "./store-media";

/**
 * `POST /api/media/upload`: one to four `file` parts and their `alt` parts, by order. The body
 * is streamed to temporary files (read-upload-form.ts), so an oversized file is refused while it
 * arrives rather than after. Every file is checked and processed before anything is stored, so a
 * refused file leaves nothing behind and the answer lists the files in the order sent. The
 * temporary files go on every path out.
 */
export async function uploadMedia(ownerId: string, req: Request): Promise<TMedia[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "grover-upload-"));
  try {
    const { files, alts } = await readUploadForm(req, dir);
    if (files.length === 0) {
      throw new ApiError("bad_request", "Send at least one file in a `file` part.");
    }
    if (alts.length > files.length) {
      throw new ApiError(
        "bad_request",
        "More `alt` parts than files: send one alt per file, in order.",
      );
    }
    const inputs = files.map((file, index) => {
      const alt = ZAltTextSchema.safeParse(alts[index] ?? "");
      if (!alt.success) {
        throw new ApiError(
          "validation_failed",
          `alt ${index + 1}: ${alt.error.issues[0]?.message}`,
        );
      }
      return { file, alt: alt.data };
    });

    const prepared: PreparedMedia[] = [];
    // One at a time: image and video processing are CPU-heavy, and a request holds four at most.
    for (const [index, { file, alt }] of inputs.entries()) {
      try {
        prepared.push(await prepareMedia(file, alt));
      } catch (error) {
        throw blameFile(error, index, file.name);
      }
    }
    return await storeMedia(ownerId, prepared);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
