import "server-only";
import { ApiError } from "@/lib/api/errors";
import { mediaLimits } from "./media-limits";
import { ZAltTextSchema, type TMedia } from "./media.types";
import { blameFile, prepareMedia } from "./prepare-media";
import { storeMedia, type PreparedMedia } from "./store-media";

const FIELDS = new Set(["file", "alt"]);

/**
 * `POST /api/media/upload`: one to four `file` parts and their `alt` parts, by order. Every file
 * is checked and processed before anything is stored, so a refused file leaves nothing behind
 * and the answer lists the files in the order sent.
 */
export async function uploadMedia(ownerId: string, form: FormData): Promise<TMedia[]> {
  const { maxFilesPerUpload, imageBytes, videoBytes } = mediaLimits();
  const unknown = [...new Set(form.keys())].filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) {
    throw new ApiError(
      "bad_request",
      `Unknown form fields: ${unknown.join(", ")}. Send \`file\` and \`alt\` parts.`,
    );
  }
  const files = form.getAll("file");
  const alts = form.getAll("alt");
  if (files.length === 0)
    throw new ApiError("bad_request", "Send at least one file in a `file` part.");
  if (files.length > maxFilesPerUpload) {
    throw new ApiError(
      "bad_request",
      `At most ${maxFilesPerUpload} files per upload (a post holds ${maxFilesPerUpload}); ${files.length} were sent.`,
      { details: { maxFilesPerUpload } },
    );
  }
  if (alts.length > files.length) {
    throw new ApiError(
      "bad_request",
      "More `alt` parts than files: send one alt per file, in order.",
    );
  }

  const inputs = files.map((file, index) => {
    if (typeof file === "string") {
      throw new ApiError("bad_request", `\`file\` part ${index + 1} is text, not a file.`);
    }
    const alt = ZAltTextSchema.safeParse(typeof alts[index] === "string" ? alts[index] : "");
    if (!alt.success) {
      throw new ApiError("validation_failed", `alt ${index + 1}: ${alt.error.issues[0]?.message}`);
    }
    // Refuse what is over every limit before reading it into memory again.
    if (file.size > Math.max(imageBytes, videoBytes)) {
      throw blameFile(
        new ApiError(
          "payload_too_large",
          `It is over the upload limit of ${Math.max(imageBytes, videoBytes)} bytes.`,
        ),
        index,
        file.name,
      );
    }
    return { file, alt: alt.data };
  });

  const prepared: PreparedMedia[] = [];
  // One at a time: image and video processing are CPU-heavy, and a request holds four at most.
  for (const [index, { file, alt }] of inputs.entries()) {
    try {
      prepared.push(await prepareMedia(new Uint8Array(await file.arrayBuffer()), alt));
    } catch (error) {
      throw blameFile(error, index, file.name);
    }
  }
  return storeMedia(ownerId, prepared);
}
