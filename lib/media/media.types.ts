import { z } from "zod";

/** Attachments a post may carry, and files one upload request may send. */
export const MAX_MEDIA_PER_POST = 4;
export const ALT_TEXT_MAX = 1000;

/** What an upload may be, by the type its bytes show (never its name or declared type). */
export const ACCEPTED_IMAGE_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "image/avif",
] as const;
export const ACCEPTED_VIDEO_TYPES = ["video/mp4", "video/webm"] as const;

export const ZMediaIdSchema = z
  .string()
  .regex(/^[a-z0-9]{20,40}$/i, "must be a media id")
  .meta({ description: "An id from `POST /api/media/upload`." });

export const ZMediaIdParamsSchema = z.object({ id: ZMediaIdSchema });

export const ZAltTextSchema = z
  .string()
  .trim()
  .max(ALT_TEXT_MAX, `must be at most ${ALT_TEXT_MAX} characters`)
  .refine(
    (v) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v),
    "must not contain control characters",
  );

export const ZMediaSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["image", "video"]),
    url: z.string().meta({
      description:
        "The display image (WebP, at most 2048 px a side) or the video. Relative to the API's origin with local storage. A paid post's media (shown to its author and buyers only) have signed URLs on the API's origin that expire after about an hour (`Cache-Control: private`): fetch the post again for fresh ones.",
    }),
    thumbnailUrl: z
      .string()
      .meta({ description: "WebP, at most 400 px a side (of the poster for a video)." }),
    posterUrl: z.string().nullable().meta({ description: "Videos: a full-size poster frame." }),
    width: z.number().int(),
    height: z.number().int(),
    blurDataUrl: z
      .string()
      .meta({ description: "A tiny blurred WebP `data:` URL to show while loading." }),
    alt: z.string(),
    mimeType: z.string().meta({ example: "image/webp" }),
    size: z.number().int().meta({ description: "Bytes of the file at `url`." }),
    duration: z.number().nullable().meta({ description: "Seconds, for a video when known." }),
  })
  .meta({ id: "Media" });

export const ZUploadMediaResponseSchema = z
  .object({
    items: z.array(ZMediaSchema).meta({ description: "One per file, in the order sent." }),
  })
  .meta({ id: "UploadMediaResponse" });

// A multipart field sent once is one value to clients generated from the document (and to
// Prism's validation), not an array of one: the schema allows both, as the server reads both.
const oneOrMany = <T extends z.ZodType>(item: T, min: number) =>
  z.union([item, z.array(item).min(min).max(MAX_MEDIA_PER_POST)]);

/** Documents the multipart body of `POST /api/media/upload`; lib/media/read-upload-form.ts streams it. */
export const ZUploadMediaFormSchema = z
  .object({
    file: oneOrMany(z.string().meta({ format: "binary" }), 1).meta({
      description:
        "One to four files (one `file` part each): JPEG, PNG, WebP, GIF, AVIF, MP4 or WebM.",
    }),
    alt: oneOrMany(z.string().max(ALT_TEXT_MAX), 0).optional().meta({
      description: "Alt text for each file, in the same order; send an empty one to skip.",
    }),
  })
  .meta({ id: "UploadMediaForm" });

export const ZMediaStatusSchema = z
  .object({
    provider: z.enum(["local", "uploadthing"]),
    healthy: z.boolean(),
    limits: z.object({
      imageBytes: z.number().int(),
      videoBytes: z.number().int(),
      maxFilesPerUpload: z.number().int(),
      maxPixels: z.number().int(),
    }),
    acceptedTypes: z.array(z.string()),
  })
  .meta({ id: "MediaStatus" });

export type TMedia = z.infer<typeof ZMediaSchema>;
export type TMediaStatus = z.infer<typeof ZMediaStatusSchema>;

export const ZUpdateMediaBodySchema = z
  .object({
    alt: ZAltTextSchema.meta({
      description: "What the image or video shows, for people who can't see it; empty clears it.",
    }),
  })
  .meta({ id: "UpdateMediaRequest" });
export type TUpdateMediaBody = z.infer<typeof ZUpdateMediaBodySchema>;

export const ZMediaAltSchema = z
  .object({ id: z.string(), alt: z.string() })
  .meta({ id: "MediaAlt" });
