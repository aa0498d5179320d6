import { z } from "zod";
import { route } from "@/lib/api/route";
import { serveLocalFile } from "@/lib/media/serve-local-file";
import { localUploadsDir } from "@/lib/media/storage";

// GET /api/media/files/{key} – a locally stored media file (bytes, with range requests)
export const GET = route(
  {
    method: "GET",
    path: "/api/media/files/{key}",
    summary: "A locally stored media file",
    tags: ["Media"],
    auth: "none",
    rateLimit: "none",
    params: z.object({ key: z.array(z.string().max(100)).min(1).max(4) }),
    errors: ["not_found"],
  },
  async ({ params, req }) => serveLocalFile(localUploadsDir(), params.key.join("/"), req),
);
