import { requestIdFrom } from "@/lib/api/request-id";
import { errorResponse } from "@/lib/api/error-response";
import { ApiError } from "@/lib/api/errors";

// Any /api path that no route serves answers in the API's error shape, not with an HTML page.
function notFound(req: Request) {
  return errorResponse(
    new ApiError("not_found", "No such API endpoint. See /api/openapi.json."),
    requestIdFrom(req.headers),
  );
}

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
