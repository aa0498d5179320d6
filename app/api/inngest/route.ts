import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { inngestFunctions } from "@/inngest/functions";
import { errorResponse } from "@/lib/api/error-response";
import { ApiError } from "@/lib/api/errors";
import { requestIdFrom } from "@/lib/api/request-id";
import { eventsMode } from "@/lib/events/events-mode";

// Inngest's own protocol (it calls this to run functions, and to sync them with PUT): not part of
// Grover's API contract, so not in the OpenAPI document. The SDK checks every call's signature
// with INNGEST_SIGNING_KEY (outside dev mode). When Inngest isn't configured the functions run
// in-process (lib/events) and there is nothing here for anyone to call: a plain 404 says so.
const handlers = serve({ client: inngest, functions: inngestFunctions });

type Context = { params: Promise<Record<string, string | string[]>> };

function served(method: "GET" | "POST" | "PUT") {
  return async (req: NextRequest, context: Context): Promise<Response> => {
    if (eventsMode() === "in-process") {
      const error = new ApiError(
        "not_found",
        "Inngest is not configured here: background events run in-process (see INNGEST_EVENT_KEY).",
      );
      return errorResponse(error, requestIdFrom(req.headers));
    }
    return handlers[method](req, context);
  };
}

export const GET = served("GET");
export const POST = served("POST");
export const PUT = served("PUT");
