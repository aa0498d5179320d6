import "server-only";
import { z } from "zod";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailableError,
} from "@/lib/database/is-database-unavailable-error";
import { isInvalidTextError } from "@/lib/database/is-invalid-text-error";
import { log } from "@/lib/log";
import { ApiError, type ErrorCode, type TErrorBody } from "./errors";

function body(code: ErrorCode | string, message: string, details?: unknown): TErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** The one mapper from anything a handler throws to the design's error shape. */
export function errorResponse(error: unknown, requestId: string): Response {
  const headers: Record<string, string> = {
    "x-request-id": requestId,
    "cache-control": "no-store",
  };

  if (error instanceof ApiError) {
    return Response.json(body(error.code, error.message, error.details), {
      status: error.status,
      headers: { ...headers, ...error.headers },
    });
  }
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({
      path: issue.path.join("."),
      code: issue.code,
      message: issue.message,
    }));
    const first = details[0];
    const message = first ? `${first.path || "request"}: ${first.message}` : "Invalid request.";
    return Response.json(body("validation_failed", message, details), { status: 400, headers });
  }
  if (isInvalidTextError(error)) {
    log.warn("text the database refused", { requestId, error: String(error) });
    return Response.json(
      body("validation_failed", "The request holds characters that can't be stored as text."),
      { status: 400, headers },
    );
  }
  if (isDatabaseUnavailableError(error)) {
    log.error("database unavailable", { requestId, error });
    return Response.json(
      body("service_unavailable", "The database is unavailable. Try again shortly."),
      { status: 503, headers: { ...headers, "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
  log.error("unhandled error", { requestId, error });
  return Response.json(body("internal_error", "Something went wrong on our side."), {
    status: 500,
    headers,
  });
}
