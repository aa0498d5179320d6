import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from "zod-openapi";
import type { z } from "zod";
import { ERROR_STATUS, ZErrorBodySchema } from "../errors";
import type { RouteSpec } from "../route";
import { isRouteHandler, ROUTE_MODULES } from "./route-modules";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad input",
  401: "Not signed in, or the token is invalid",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  413: "Too large",
  415: "Unsupported media type",
  422: "Breaks a rule",
  429: "Rate limited",
  500: "Server error",
  503: "Unavailable",
};

function errorResponses(spec: RouteSpec) {
  const statuses = new Set<number>([400, 500, 503]);
  if (spec.auth === "required") statuses.add(401);
  if (spec.auth === "optional") statuses.add(401); // an invalid bearer token
  if (spec.rateLimit !== "none" && (spec.rateLimit === "auth" || spec.method !== "GET")) {
    statuses.add(429);
  }
  for (const code of spec.errors ?? []) statuses.add(ERROR_STATUS[code]);
  return Object.fromEntries(
    [...statuses].sort().map((status) => [
      String(status),
      {
        description: STATUS_TEXT[status] ?? "Error",
        content: { "application/json": { schema: ZErrorBodySchema } },
      },
    ]),
  );
}

function operation(spec: RouteSpec): ZodOpenApiOperationObject {
  const success = spec.response
    ? {
        [String(spec.status ?? 200)]: {
          description: "OK",
          content: { "application/json": { schema: spec.response } },
        },
      }
    : { "204": { description: "Done; no body" } };
  return {
    summary: spec.summary,
    ...(spec.description && { description: spec.description }),
    tags: spec.tags,
    security:
      spec.auth === "required"
        ? [{ bearer: [] }, { cookie: [] }]
        : spec.auth === "optional"
          ? [{}, { bearer: [] }, { cookie: [] }]
          : [],
    ...((spec.params || spec.query) && {
      requestParams: {
        ...(spec.params && { path: spec.params as z.ZodObject }),
        ...(spec.query && { query: spec.query as z.ZodObject }),
      },
    }),
    ...(spec.body && {
      requestBody: { required: true, content: { "application/json": { schema: spec.body } } },
    }),
    ...(spec.multipart && {
      requestBody: {
        required: true,
        content: { "multipart/form-data": { schema: spec.multipart } },
      },
    }),
    responses: { ...success, ...errorResponses(spec) },
  };
}

/** The OpenAPI 3.1 document, generated from the same specs and zod schemas the handlers use. */
export function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const routeModule of Object.values(ROUTE_MODULES)) {
    for (const handler of Object.values(routeModule)) {
      if (!isRouteHandler(handler)) continue;
      const { spec } = handler;
      const method = spec.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
      paths[spec.path] = { ...paths[spec.path], [method]: operation(spec) };
    }
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Grover API",
      version: "1.0.0",
      description:
        "The JSON API of Grover. Authenticate with `Authorization: Bearer <token>` from `POST /api/auth/session`, or the web session cookie. Every error answers `{ error: { code, message, details? } }`. Lists are cursor-paginated: pass `nextCursor` back as `cursor`.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A token from POST /api/auth/session.",
        },
        cookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    paths,
  });
}
