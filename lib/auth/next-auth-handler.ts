import "server-only";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/api/client-ip";
import { ApiError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/error-response";
import { applyRateLimitPolicy } from "@/lib/api/rate-limit";
import { requestIdFrom } from "@/lib/api/request-id";
import { authOptions, type SignInRequest } from "./auth-options";
import { resolveViewer } from "./resolve-viewer";

type Context = { params: Promise<{ nextauth: string[] }> };

// The sign-in page reads next-auth's error codes from `?error=` (app/signin/sign-in-form.tsx).
const TOO_MANY_ATTEMPTS = "/signin?error=TooManyAttempts";

/**
 * A refused sign-in: 429 with Retry-After in the one error shape, plus the `url` next-auth's
 * client reads its error code from. A plain form post (no `json`) gets what next-auth answers
 * any failed sign-in with, a redirect to the sign-in page, which shows "too many attempts".
 */
async function tooManyAttempts(req: NextRequest, error: ApiError, json: boolean) {
  if (!json) {
    return new Response(null, {
      status: 302,
      headers: { location: TOO_MANY_ATTEMPTS, ...error.headers, "cache-control": "no-store" },
    });
  }
  const refused = errorResponse(error, requestIdFrom(req.headers));
  const url = new URL(TOO_MANY_ATTEMPTS, req.nextUrl.origin).toString();
  return Response.json(
    { ...(await refused.json()), url },
    { status: refused.status, headers: refused.headers },
  );
}

// next-auth's client posts `json=true` (form-encoded, or in a JSON body) and reads `url` back.
async function wantsJson(req: NextRequest): Promise<boolean> {
  const text = await req.text().catch(() => "");
  if ((req.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      return (JSON.parse(text) as { json?: unknown } | null)?.json === "true";
    } catch {
      return false;
    }
  }
  return new URLSearchParams(text).get("json") === "true";
}

const isRateLimited = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === "rate_limited";

/**
 * The signed-in person a provider's callback comes back to, who is linking that identity from
 * settings; null on every other request, and for a session that is no longer valid.
 */
async function linkingViewer(req: NextRequest, action: string | undefined) {
  if (!action?.startsWith("callback/") || action === "callback/credentials") return null;
  const viewer = await resolveViewer(req).catch(() => null);
  return viewer?.via === "cookie" ? { userId: viewer.userId, sessionId: viewer.sessionId } : null;
}

/** next-auth's own endpoints (/api/auth/csrf, /callback/*, /signin/*, /signout, /session…). */
export async function nextAuthHandler(req: NextRequest, context: Context): Promise<Response> {
  const ip = clientIp(req.headers);
  const action = (await context.params).nextauth?.join("/");
  // Signing in with a password is limited per address like POST /api/auth/session (the route
  // wrapper's `auth` policy), before next-auth reads the body or checks any password.
  if (req.method === "POST" && action === "callback/credentials") {
    try {
      await applyRateLimitPolicy("auth", ip, undefined);
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      return tooManyAttempts(req, error, await wantsJson(req));
    }
  }

  let limited: ApiError | undefined;
  const request: SignInRequest = {
    ip,
    onRateLimited: (e) => (limited = e),
    viewer: await linkingViewer(req, action),
  };
  const response = await NextAuth(authOptions(request))(req, context);
  if (!limited) return response;
  // next-auth answered its own "TooManyAttempts" failure (401); answer it as the 429 it is.
  const json = (response.headers.get("content-type") ?? "").includes("application/json");
  return tooManyAttempts(req, limited, json);
}
