import "server-only";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ApiError } from "@/lib/api/errors";
import { readMultipart } from "@/lib/api/read-multipart";
import { ALT_TEXT_MAX } from "./media.types";
import { type DetectedType, detectMediaType } from "./detect-media-type";
import { maxUploadRequestBytes, mediaLimits } from "./media-limits";
import { blameFile, tooLargeForType } from "./prepare-media";

/** A file of an upload, on disk: its type judged from its first bytes, its size counted. */
export type UploadedFile = { name: string; path: string; size: number; type: DetectedType };

export type UploadForm = { files: UploadedFile[]; alts: string[] };

// Enough for every signature detectMediaType reads (an ISO `ftyp` box lists brands in its first
// 256 bytes; the others need far fewer).
const SNIFF_BYTES = 256;
const FIELDS = new Set(["file", "alt"]);

/**
 * Reads `POST /api/media/upload`'s multipart body into `dir`, one file per part, without ever
 * holding a file in memory: each file's bytes are counted as they arrive, its type is judged
 * from its first bytes (never its name or declared type), and it is refused with 413 the moment
 * it passes its type's limit (before that, while its first bytes arrive, the declared type's
 * limit holds, or the larger one). The whole request is capped too (lib/api/read-multipart.ts).
 * The caller owns `dir` and deletes it, whatever happens.
 */
export async function readUploadForm(req: Request, dir: string): Promise<UploadForm> {
  const limits = mediaLimits();
  const files: UploadedFile[] = [];
  const alts: string[] = [];
  const unknownField = (name: string) =>
    new ApiError("bad_request", `Unknown form field: ${name}. Send \`file\` and \`alt\` parts.`);

  await readMultipart(
    req,
    {
      maxBytes: maxUploadRequestBytes(),
      // One more than allowed, so the fifth file reaches the handler and gets the clear answer.
      maxFiles: limits.maxFilesPerUpload + 1,
      maxFields: limits.maxFilesPerUpload + 1,
      // Characters of UTF-8 take up to four bytes each.
      maxFieldBytes: ALT_TEXT_MAX * 4,
    },
    {
      field(name, value) {
        if (name === "file") {
          throw new ApiError(
            "bad_request",
            `\`file\` part ${files.length + 1} is text, not a file.`,
          );
        }
        if (!FIELDS.has(name)) throw unknownField(name);
        if (alts.length >= limits.maxFilesPerUpload) {
          throw new ApiError("bad_request", "More `alt` parts than files can be: one per file.");
        }
        alts.push(value);
      },
      // Not async: the checks that need no bytes throw at once (see MultipartHandlers.file).
      file({ field, filename, declaredType, stream }) {
        if (field !== "file") throw unknownField(field);
        const index = files.length;
        if (index >= limits.maxFilesPerUpload) {
          throw new ApiError(
            "bad_request",
            `At most ${limits.maxFilesPerUpload} files per upload (a post holds ${limits.maxFilesPerUpload}).`,
            { details: { maxFilesPerUpload: limits.maxFilesPerUpload } },
          );
        }
        const file: UploadedFile = {
          name: filename,
          path: path.join(dir, `file-${index}`),
          size: 0,
          type: { kind: "image", mimeType: "image/jpeg" },
        };
        files.push(file);
        // Until the bytes say what the file is, the type the client declared bounds it.
        let limit = /^image\//i.test(declaredType)
          ? limits.imageBytes
          : /^video\//i.test(declaredType)
            ? limits.videoBytes
            : Math.max(limits.imageBytes, limits.videoBytes);
        let head: Buffer | null = Buffer.alloc(0);
        const judge = () => {
          file.type = detectMediaType(head!);
          limit = file.type.kind === "image" ? limits.imageBytes : limits.videoBytes;
          head = null;
        };
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            try {
              file.size += chunk.byteLength;
              if (head) {
                head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
                if (head.length >= SNIFF_BYTES) judge();
              }
              if (file.size > limit) throw tooLargeForType(head ? null : file.type.kind, limit);
              done(null, chunk);
            } catch (error) {
              done(error as Error);
            }
          },
          flush(done) {
            try {
              if (head) judge(); // a file shorter than SNIFF_BYTES
              if (file.size > limit) throw tooLargeForType(file.type.kind, limit);
              done();
            } catch (error) {
              done(error as Error);
            }
          },
        });
        return pipeline(stream, counter, createWriteStream(file.path, { flags: "wx" })).catch(
          (error: unknown) => {
            // The disk, not the client: full or unwritable temporary space is ours to fix.
            if (error instanceof Error && "syscall" in error) {
              throw new ApiError("service_unavailable", "Uploads can't be taken right now.", {
                headers: { "Retry-After": "10" },
              });
            }
            throw blameFile(error, index, filename);
          },
        );
      },
    },
  );
  return { files, alts };
}
