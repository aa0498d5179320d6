import { route } from "@/lib/api/route";
import { ZUploadMediaFormSchema, ZUploadMediaResponseSchema } from "@/lib/media/media.types";
import { uploadMedia } from "@/lib/media/upload-media";

// POST /api/media/upload – upload one to four images or videos, with alt text
export const POST = route(
  {
    method: "POST",
    path: "/api/media/upload",
    operationId: "uploadMedia",
    summary: "Upload images or videos",
    description:
      "Multipart: one to four `file` parts and, by order, their `alt` parts. The type is judged from the bytes: JPEG, PNG, WebP, GIF (first frame) and AVIF images are re-encoded as WebP without metadata (EXIF, GPS), in a display size and a thumbnail; MP4 and WebM videos get a poster frame. Limits are at `GET /api/media/status`: over the byte limit is 413, an unsupported type 415, a truncated or corrupt file or an image over the pixel limit 422. Nothing is stored unless every file passes. Attach the ids to a post (`mediaIds`) or profile (`avatarId`, `bannerId`); media left unattached is deleted after a day.",
    tags: ["Media"],
    auth: "required",
    multipart: ZUploadMediaFormSchema,
    bodyExample: { file: "(the bytes of a JPEG)", alt: "A red bicycle against a brick wall" },
    response: ZUploadMediaResponseSchema,
    status: 201,
    errors: ["payload_too_large", "unsupported_media_type", "unprocessable", "service_unavailable"],
  },
  async ({ req, viewer }) => ({ items: await uploadMedia(viewer.userId, req) }),
);
