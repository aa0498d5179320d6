import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { ROUTE_MODULES } from "./route-modules";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

// GET /api/openapi.json – the OpenAPI 3.1 description of this API
export function GET() {
  document ??= buildOpenApiDocument(ROUTE_MODULES);
  return Response.json(document, { headers: { "cache-control": "public, max-age=300" } });
}
