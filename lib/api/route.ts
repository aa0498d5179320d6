import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { resolveViewer, type Viewer } from "@/lib/auth/resolve-viewer";
import { env } from "@/lib/config";
import { countQueries } from "@/lib/database/query-count";
import { assertNoNul } from "./assert-no-nul";
import { clientIp, requestHost } from "./client-ip";
import { errorResponse } from "./error-response";
import { ApiError, type ErrorCode } from "./errors";
import { withIdempotencyKey } from "./idempotency/with-idempotency-key";
import { observeRequest } from "./observe-request";
import type { ApiTag } from "./openapi/api-tags";
import { applyRateLimitPolicy, type RateLimitPolicy } from "./rate-limit";
import { requestIdFrom } from "./request-id";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type AuthMode = "required" | "optional" | "none";
type Schema = z.ZodType | undefined;
type Infer<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;

/** What a route is: the wrapper enforces it and the OpenAPI document is generated from it. */
export type RouteSpec<
  A extends AuthMode = AuthMode,
  P extends Schema = Schema,
  Q extends Schema = Schema,
  B extends Schema = Schema,
  R extends Schema = Schema,
> = {
  method: HttpMethod;
  /** The OpenAPI path, e.g. `/api/users/{id}`. */
  path: string;
  /**
   * The operation's name in the OpenAPI document, which code generators turn into a client
   * method: verb first, camelCase (`createPost`, `listFeed`), unique and never changed once
   * published.
   */
  operationId: string;
  summary: string;
  description?: string;
  tags: ApiTag[];
  auth: A;
  /** Default: `write` for every method but GET. */
  rateLimit?: RateLimitPolicy | "none";
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A typical request body, shown in the OpenAPI document: typed by `body`; for `multipart`,
   * tests/unit/openapi.test.ts checks it parses.
   */
  bodyExample?: B extends z.ZodType ? z.input<B> : unknown;
  /**
   * A multipart/form-data body (uploads), described by this schema in the OpenAPI document. The
   * wrapper leaves the body unread: the handler reads it with `readMultipart` (read-multipart.ts),
   * within the size limit it knows. Use `body` or `multipart`, not both.
   */
  multipart?: z.ZodType;
  /** The 2xx body. Absent: the route answers 204 with no body. */
  response?: R;
  /** 303: the handler answers a redirect (a Response with Location), documented as such. */
  status?: 200 | 201 | 202 | 303;
  /**
   * The route answers a `text/event-stream` (Server-Sent Events) that the handler returns as a
   * Response: this schema describes each event's `data:` for the OpenAPI document.
   */
  eventStream?: z.ZodType;
  /**
   * Accepts an `Idempotency-Key` header (a write a client may retry): the same key and request
   * from the same user within a day answers the first response and runs nothing again. See
   * idempotency/with-idempotency-key.ts. Needs `auth: "required"`.
   */
  idempotent?: boolean;
  /** Error codes this route can answer besides validation, auth and rate limiting. */
  errors?: ErrorCode[];
  /**
   * A hot read (the feed, explore, searches, profiles): in production its result goes out without
   * the `response` parse, which costs as much CPU as building a page of posts. Its lib function
   * must then build exactly the schema's shape, nothing more: tests/integration/
   * response-contract.test.ts fetches every hot route and fails on any difference.
   */
  hot?: boolean;
};

export type RouteContext<
  A extends AuthMode,
  P extends Schema,
  Q extends Schema,
  B extends Schema,
> = {
  req: NextRequest;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  viewer: A extends "required" ? Viewer : Viewer | null;
  requestId: string;
  ip: string;
};

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = ((req: NextRequest, context: NextRouteContext) => Promise<Response>) & {
  spec: RouteSpec;
};

const MAX_JSON_BYTES = 1_000_000;
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function readJson(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as application/json.");
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new ApiError("payload_too_large", "The body is too large.");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) {
    throw new ApiError("payload_too_large", "The body is too large.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
}

// Cookies ride along on cross-site requests a browser makes; bearer tokens don't. So a cookie-
// authenticated change must come from our own origin (SameSite=Lax already blocks most of it).
// X-Forwarded-Host names our host only when a trusted proxy wrote it (requestHost). An Origin
// that isn't a URL (`null` from sandboxed frames and some redirects, or garbage) is no proof of
// being our own page either.
function assertSameOrigin(req: NextRequest) {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const originHost = URL.canParse(origin) ? new URL(origin).host : null;
  if (!originHost || originHost !== requestHost(req.headers)) {
    throw new ApiError("forbidden", "Cross-site request refused.");
  }
}

function setHeader(response: Response, name: string, value: number) {
  try {
    response.headers.set(name, String(value));
  } catch {
    // Some responses (Response.redirect) have immutable headers; they go without the count.
  }
}

/**
 * The one wrapper every API handler goes through: request id, viewer, rate limits, input
 * validation, output shaping and the error mapping all happen here, so handlers hold only the
 * call into `lib/<domain>`.
 */
export function route<
  A extends AuthMode,
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  R extends Schema = undefined,
>(
  spec: RouteSpec<A, P, Q, B, R>,
  handler: (ctx: RouteContext<A, P, Q, B>) => Promise<Infer<R> | Response | void>,
): RouteHandler {
  const run = async (req: NextRequest, context: NextRouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers);
    let userId: string | undefined;
    const counted = countQueries(() => handle(req, context, requestId, (id) => (userId = id)));
    const response = await counted.result;
    // Off by default: the count tells an outsider something about how a request is served.
    // Tests and the benchmark switch it on to hold hot endpoints to a query budget.
    if (env().EXPOSE_QUERY_COUNT) setHeader(response, "x-sql-queries", counted.scope.queries);
    observeRequest({ spec, requestId, userId, status: response.status, started });
    return response;
  };
  const handle = async (
    req: NextRequest,
    context: NextRouteContext,
    requestId: string,
    identify: (userId: string) => void,
  ): Promise<Response> => {
    try {
      const ip = clientIp(req.headers);
      const policy = spec.rateLimit ?? (spec.method === "GET" ? "none" : "write");
      if (policy === "auth") await applyRateLimitPolicy("auth", ip, undefined);

      const viewer = spec.auth === "none" ? null : await resolveViewer(req);
      if (viewer) identify(viewer.userId);
      if (spec.auth === "required" && !viewer) {
        throw new ApiError("unauthorized", "Sign in, or send a bearer token.");
      }
      if (viewer?.via === "cookie" && UNSAFE_METHODS.has(spec.method)) assertSameOrigin(req);
      if (policy === "write") await applyRateLimitPolicy("write", ip, viewer?.userId);

      // Every input is checked for NUL (assert-no-nul.ts) before its schema, whether or not the
      // route reads it.
      const rawParams = await context.params;
      assertNoNul(rawParams);
      const params = spec.params ? spec.params.parse(rawParams) : undefined;
      const rawQuery = Object.fromEntries(req.nextUrl.searchParams);
      assertNoNul(rawQuery);
      const query = spec.query ? spec.query.parse(rawQuery) : undefined;
      const rawBody = spec.body ? await readJson(req) : undefined;
      assertNoNul(rawBody);
      const body = spec.body ? spec.body.parse(rawBody) : undefined;

      const respond = async () => {
        const result = await handler({
          req,
          params: params as Infer<P>,
          query: query as Infer<Q>,
          body: body as Infer<B>,
          viewer: viewer as RouteContext<A, P, Q, B>["viewer"],
          requestId,
          ip,
        });

        const headers = { "x-request-id": requestId, "cache-control": "no-store" };
        if (result instanceof Response) return result;
        if (!spec.response) return new Response(null, { status: 204, headers });
        // Parsing the output strips anything the schema doesn't name, so a field added to a
        // query can't leak to clients by accident; hot routes are held to that by a test instead.
        const skipParse = spec.hot === true && env().NODE_ENV === "production";
        const output = skipParse ? result : spec.response.parse(result);
        return Response.json(output, { status: spec.status ?? 200, headers });
      };
      const response =
        spec.idempotent && viewer
          ? await withIdempotencyKey(
              { req, userId: viewer.userId, method: spec.method, path: spec.path, body },
              respond,
            )
          : await respond();
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
  return Object.assign(run, { spec: spec as RouteSpec });
}
