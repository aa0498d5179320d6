import "server-only";
import type { NextRequest } from "next/server";
import { createUploadthing, type FileRouter } from "uploadthing/next";
import { UploadThingError, UTFiles } from "uploadthing/server";
import { z } from "zod";
import { clientIp } from "@/lib/api/client-ip";
import { ApiError } from "@/lib/api/errors";
import { applyRateLimitPolicy } from "@/lib/api/rate-limit";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { log } from "@/lib/log";
import { mediaLimits } from "../media-limits";
import { MAX_MEDIA_PER_POST, ZAltTextSchema, type TMedia } from "../media.types";
import { prepareMedia } from "../prepare-media";
import { mediaStorage } from "../storage";
import { storeMedia } from "../store-media";

const f = createUploadthing();

/** What the browser gets back per file (`serverData` in @uploadthing/react's callbacks). */
export type UploadThingServerData =
  { media: TMedia; error?: never } | { media?: never; error: { code: string; message: string } };

async function download(url: string, maxBytes: number): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`fetching the upload answered ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > maxBytes) {
    throw new ApiError("payload_too_large", `The file is over ${maxBytes} bytes.`);
  }
  return bytes;
}

/**
 * The browser-to-UploadThing route (slug `media`): the browser sends the original straight to
 * UploadThing; UploadThing then calls us back and `onUploadComplete` runs the same pipeline as
 * `POST /api/media/upload` (type from the bytes, limits, re-encode without metadata, poster),
 * stores the processed files through the storage interface, and deletes the original, which
 * still carries its metadata. The browser gets `{ media }` or `{ error }` as serverData.
 */
export const mediaFileRouter = {
  media: f(
    {
      // UploadThing wants powers of two; the exact limits are checked on the bytes afterwards.
      image: { maxFileSize: "16MB", maxFileCount: MAX_MEDIA_PER_POST },
      video: { maxFileSize: "64MB", maxFileCount: MAX_MEDIA_PER_POST },
    },
    { awaitServerData: true },
  )
    .input(z.object({ alt: z.array(ZAltTextSchema).max(MAX_MEDIA_PER_POST).optional() }))
    .middleware(async ({ req, files, input }) => {
      const viewer = await resolveViewer(req as NextRequest);
      if (!viewer) throw new UploadThingError({ code: "FORBIDDEN", message: "Sign in to upload." });
      await applyRateLimitPolicy("write", clientIp(req.headers), viewer.userId).catch(() => {
        throw new UploadThingError({
          code: "FORBIDDEN",
          message: "Too many uploads: try again later.",
        });
      });
      // Each file's index rides in its customId, so its alt text finds it in onUploadComplete.
      return {
        userId: viewer.userId,
        alt: input.alt ?? [],
        [UTFiles]: files.map((file, index) => ({
          ...file,
          customId: `${index}-${crypto.randomUUID()}`,
        })),
      };
    })
    .onUploadComplete(async ({ file, metadata }): Promise<UploadThingServerData> => {
      const storage = mediaStorage();
      const index = Number(file.customId?.split("-")[0] ?? 0);
      try {
        const { imageBytes, videoBytes } = mediaLimits();
        const bytes = await download(file.ufsUrl, Math.max(imageBytes, videoBytes));
        const prepared = await prepareMedia(bytes, metadata.alt[index] ?? "");
        const [media] = await storeMedia(metadata.userId, [prepared]);
        return { media: media! };
      } catch (error) {
        if (!(error instanceof ApiError)) log.error("uploadthing upload not processed", { error });
        const { code, message } =
          error instanceof ApiError
            ? error
            : { code: "internal_error", message: "The upload could not be processed." };
        return { error: { code, message } };
      } finally {
        // The original keeps whatever metadata the camera wrote: only processed copies stay.
        await storage.delete(file.key).catch((error: unknown) => {
          log.error("uploadthing original not deleted", { key: file.key, error });
        });
      }
    }),
} satisfies FileRouter;

export type MediaFileRouter = typeof mediaFileRouter;
