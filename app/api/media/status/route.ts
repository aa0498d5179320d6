import { route } from "@/lib/api/route";
import { getMediaStatus } from "@/lib/media/get-media-status";
import { ZMediaStatusSchema } from "@/lib/media/media.types";

// GET /api/media/status – the storage provider, whether it is healthy, limits and accepted types
export const GET = route(
  {
    method: "GET",
    path: "/api/media/status",
    operationId: "getMediaStatus",
    summary: "Media storage status and upload limits",
    tags: ["Media"],
    auth: "none",
    response: ZMediaStatusSchema,
  },
  async () => getMediaStatus(),
);
