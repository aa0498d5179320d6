import {
  createDocument,
  type ZodOpenApiHeaderObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { z } from "zod";
import { ERROR_STATUS, ZErrorBodySchema } from "../errors";
import type { RouteSpec } from "../route";
import { API_TAGS } from "./api-tags";
import { isRouteHandler } from "./is-route-handler";

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

const ZIdempotencyHeaderSchema = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({
      description:
        "Any unique string (a UUID): a retry with the same key and body within 24 hours answers " +
        "the first response (with `Idempotent-Replayed: true`) and creates nothing new. The same " +
        "key with a different body is 422; while the first request is still running, 409.",
      example: "5f0c1d2e-8b1a-4c3e-9d7f-2a6b4e8c1f00",
    }),
});

const SUCCESS_TEXT = { 200: "OK", 201: "Created", 202: "Accepted" } as const;

// Response headers, as components so each response names them by reference.
const HEADERS = {
  RequestId: {
    description:
      "This request's id: the client's own `X-Request-Id` when it sent a valid one, else a new " +
      "UUID. Logs and traces carry it; quote it when reporting a problem.",
    required: true,
    schema: { type: "string" },
    example: "0b6f8f52-2c1e-4a4b-9f43-5d2f1c8a7e10",
  },
  RetryAfter: {
    description: "Seconds to wait before trying again.",
    schema: { type: "integer", minimum: 0 },
    example: 30,
  },
  IdempotentReplayed: {
    description: "`true` when this is the stored answer to an earlier request with the same key.",
    schema: { type: "string", enum: ["true"] },
  },
} satisfies Record<string, ZodOpenApiHeaderObject>;

const header = (name: keyof typeof HEADERS) => ({ $ref: `#/components/headers/${name}` });

function errorHeaders(status: number, spec: RouteSpec) {
  // 429 (rate limits), 503 (database or storage down) and, on idempotent routes, the 409 for a
  // key whose first request is still running all say when to come back.
  const retry = status === 429 || status === 503 || (status === 409 && spec.idempotent);
  return {
    "X-Request-Id": header("RequestId"),
    ...(retry && { "Retry-After": header("RetryAfter") }),
  };
}

function errorResponses(spec: RouteSpec) {
  const statuses = new Set<number>([400, 500, 503]);
  if (spec.auth === "required") statuses.add(401);
  if (spec.auth === "optional") statuses.add(401); // an invalid bearer token
  if (spec.rateLimit !== "none" && (spec.rateLimit === "auth" || spec.method !== "GET")) {
    statuses.add(429);
  }
  for (const code of spec.errors ?? []) statuses.add(ERROR_STATUS[code]);
  // A key reused with another request, or while its first request is still running.
  if (spec.idempotent) statuses.add(409).add(422);
  return Object.fromEntries(
    [...statuses].sort().map((status) => [
      String(status),
      {
        description: STATUS_TEXT[status] ?? "Error",
        headers: errorHeaders(status, spec),
        content: { "application/json": { schema: ZErrorBodySchema } },
      },
    ]),
  );
}

function successResponse(spec: RouteSpec): ZodOpenApiResponsesObject {
  const headers = {
    "X-Request-Id": header("RequestId"),
    ...(spec.idempotent && { "Idempotent-Replayed": header("IdempotentReplayed") }),
  };
  if (spec.status === 303) {
    const location = { description: "Where to go.", schema: { type: "string" as const } };
    return { "303": { description: "See Other", headers: { ...headers, Location: location } } };
  }
  if (spec.eventStream) {
    const description = "A stream of Server-Sent Events, open until either side closes it";
    return {
      "200": {
        description,
        headers,
        content: { "text/event-stream": { schema: spec.eventStream } },
      },
    };
  }
  if (!spec.response) return { "204": { description: "Done; no body", headers } };
  const status = spec.status ?? 200;
  return {
    [String(status)]: {
      description: SUCCESS_TEXT[status],
      headers,
      content: { "application/json": { schema: spec.response } },
    },
  };
}

function requestBody(spec: RouteSpec) {
  const type = spec.multipart ? "multipart/form-data" : "application/json";
  const schema = spec.multipart ?? spec.body;
  if (!schema) return undefined;
  const example = spec.bodyExample === undefined ? {} : { example: spec.bodyExample };
  return { required: true, content: { [type]: { schema, ...example } } };
}

function operation(spec: RouteSpec): ZodOpenApiOperationObject {
  const body = requestBody(spec);
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description && { description: spec.description }),
    tags: spec.tags,
    security:
      spec.auth === "required"
        ? [{ bearer: [] }, { cookie: [] }]
        : spec.auth === "optional"
          ? [{}, { bearer: [] }, { cookie: [] }]
          : [],
    ...((spec.params || spec.query || spec.idempotent) && {
      requestParams: {
        ...(spec.params && { path: spec.params as z.ZodObject }),
        ...(spec.query && { query: spec.query as z.ZodObject }),
        ...(spec.idempotent && { header: ZIdempotencyHeaderSchema }),
      },
    }),
    ...(body && { requestBody: body }),
    responses: { ...successResponse(spec), ...errorResponses(spec) },
  };
}

/**
 * The OpenAPI 3.1 document, generated from the same specs and zod schemas the handlers use.
 * `routeModules`: every route file's exports (app/api/openapi.json/route-modules.ts).
 */
export function buildOpenApiDocument(routeModules: Record<string, Record<string, unknown>>) {
  const paths: ZodOpenApiPathsObject = {};
  for (const routeModule of Object.values(routeModules)) {
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
    tags: API_TAGS.map((tag) => ({ ...tag })),
    components: {
      headers: HEADERS,
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
