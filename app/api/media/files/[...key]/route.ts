import { z } from "zod";
import { route } from "@/lib/api/route";
import { serveMediaFile } from "@/lib/media/serve-media-file";

// GET /api/media/files/{key} – a media file: public, or a paid post's through a signed URL
export const GET = route(
  {
    method: "GET",
    path: "/api/media/files/{key}",
    operationId: "getMediaFile",
    summary: "A media file",
    description:
      "A locally stored file by its key (public, cached forever), or a paid post's file through the signed URL its buyers and author get in the post's `media` (`expires` and `signature`, valid about an hour, `Cache-Control: private`). A paid post's file without a valid signature is 403. Byte ranges are supported.",
    tags: ["Media"],
    auth: "none",
    rateLimit: "none",
    params: z.object({ key: z.array(z.string().max(100)).min(1).max(4) }),
    query: z.object({
      expires: z.string().max(20).optional(),
      signature: z.string().max(100).optional(),
    }),
    errors: ["not_found", "forbidden"],
  },
  async ({ params, query, req }) =>
    serveMediaFile(
      params.key.join("/"),
      { expires: query.expires ?? null, signature: query.signature ?? null },
      req,
    ),
);
