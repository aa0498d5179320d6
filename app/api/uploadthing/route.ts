import type { NextRequest } from "next/server";
import { createRouteHandler } from "uploadthing/next";
import { errorResponse } from "@/lib/api/error-response";
import { ApiError } from "@/lib/api/errors";
import { requestIdFrom } from "@/lib/api/request-id";
import { env } from "@/lib/config";
import { mediaFileRouter } from "@/lib/media/uploadthing/media-file-router";

// UploadThing's own protocol (its client asks for presigned URLs here, its servers call back
// here when an upload lands), so not the JSON API's wrapper. Only when UPLOADTHING_TOKEN is set.
let handler: ReturnType<typeof createRouteHandler> | undefined;

function uploadThingHandler() {
  const config = env();
  if (!config.UPLOADTHING_TOKEN) return null;
  handler ??= createRouteHandler({
    router: mediaFileRouter,
    config: {
      token: config.UPLOADTHING_TOKEN,
      ingestUrl: config.UPLOADTHING_INGEST_URL,
      logLevel: "Error",
    },
  });
  return handler;
}

async function handle(req: NextRequest, method: "GET" | "POST") {
  const active = uploadThingHandler();
  if (!active) {
    return errorResponse(
      new ApiError(
        "not_found",
        "UploadThing is not configured: upload with POST /api/media/upload.",
      ),
      requestIdFrom(req.headers),
    );
  }
  return active[method](req);
}

// GET /api/uploadthing – UploadThing's route config, for its client
export const GET = (req: NextRequest) => handle(req, "GET");
// POST /api/uploadthing – presigned URLs for its client, and its servers' callbacks
export const POST = (req: NextRequest) => handle(req, "POST");
