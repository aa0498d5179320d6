import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { inngestFunctions } from "@/inngest/functions";
import { errorResponse } from "@/lib/api/error-response";
import { ApiError } from "@/lib/api/errors";
import { requestIdFrom } from "@/lib/api/request-id";
import { eventsMode } from "@/lib/events/events-mode";
import { inngest } from "@/lib/events/inngest-client";
import { log } from "@/lib/log";

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
    return withoutInternalErrors(await handlers[method](req, context), requestIdFrom(req.headers));
  };
}

// Functions' own failures leave without a stack (inngest/without-stack.ts), but the SDK answers
// its own failures (event data its trigger's schema refuses, an unknown function id, a sync that
// Inngest refused) with the error it caught, stack included. The stacks go to the log and leave
// the body empty; the status, headers (retry or not) and messages stay, but not the SDK's
// signature of the body it no longer matches.
const STACK = /"stack":"[^"]/;

function withoutStacks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStacks);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === "stack" ? "" : withoutStacks(item)]),
  );
}

async function withoutInternalErrors(response: Response, requestId: string): Promise<Response> {
  if (!(response.headers.get("content-type") ?? "").includes("json")) return response;
  const sdkBody = await response.clone().text();
  if (!STACK.test(sdkBody)) return response;
  log.warn("inngest handler error", { requestId, status: response.status, body: sdkBody });
  let body: string;
  try {
    body = JSON.stringify(withoutStacks(JSON.parse(sdkBody)));
  } catch {
    body = await errorResponse(new Error(sdkBody), requestId).text();
  }
  const headers = new Headers(response.headers);
  for (const name of ["content-length", "x-inngest-signature"]) headers.delete(name);
  headers.set("x-request-id", requestId);
  return new Response(body, { status: response.status, headers });
}

export const GET = served("GET");
export const POST = served("POST");
export const PUT = served("PUT");
