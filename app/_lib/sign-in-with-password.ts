import "server-only";
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { cookies, headers } from "next/headers";
import { NextResponse } from "next/server";
import { clientIp } from "@/lib/api/client-ip";
import { ApiError } from "@/lib/api/errors";
import { applyRateLimitPolicy } from "@/lib/api/rate-limit";
import { authOptions } from "@/lib/auth/auth-options";

type Reply = { status: number; setCookies: string[]; body: unknown };
type Call = {
  method: "GET" | "POST";
  cookies: Record<string, string>;
  headers: Record<string, string>;
  body?: Record<string, string>;
};

/**
 * One request to next-auth's own handler, in this process. This is its Pages Router entry,
 * `NextAuth(req, res, options)`, which takes cookies from `req`; the App Router entry reads the
 * incoming request's cookies, which can't hold the CSRF pair minted below.
 */
async function callNextAuth(
  action: string,
  provider: string | null,
  call: Call,
  ip: string,
): Promise<Reply> {
  const reply: Reply = { status: 200, setCookies: [], body: undefined };
  const res = {
    status(code: number) {
      reply.status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      if (name.toLowerCase() === "set-cookie") reply.setCookies = [value].flat();
      return res;
    },
    getHeader: (name: string) =>
      name.toLowerCase() === "set-cookie" ? reply.setCookies : undefined,
    end() {},
    send(body: unknown) {
      reply.body = body;
    },
    json(body: unknown) {
      reply.body = body;
    },
  };
  const req = { ...call, query: { nextauth: provider ? [action, provider] : [action] } };
  await NextAuth(
    req as unknown as NextApiRequest,
    res as unknown as NextApiResponse,
    // A refusal inside authorize reaches the caller as next-auth's TooManyAttempts code.
    authOptions({ ip, onRateLimited: () => {}, viewer: null }),
  );
  return reply;
}

function parseSetCookies(setCookies: string[]) {
  const headers = new Headers();
  for (const cookie of setCookies) headers.append("set-cookie", cookie);
  return new NextResponse(null, { headers }).cookies.getAll();
}

export type SignInResult = { ok: true } | { ok: false; error: string };

/**
 * Signs in with email and password from a server action (the forms without scripts), through
 * next-auth's credentials callback exactly as the script form's signIn() does: the same
 * authorize (rate limits, suspended accounts), session row and cookie. next-auth's CSRF
 * double-submit is satisfied with a pair minted here, because server actions already refuse
 * other origins (Next.js compares Origin with Host) and the browser has no pair without scripts.
 * The caller redirects; `error` is next-auth's code (CredentialsSignin, TooManyAttempts…).
 */
export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const incoming = await headers();
  const requestHeaders = Object.fromEntries(incoming);
  const jar = await cookies();
  // The same per-address limit as the API's and the script form's sign-in (next-auth-handler.ts).
  const ip = clientIp(incoming);
  try {
    await applyRateLimitPolicy("auth", ip, undefined);
  } catch (error) {
    if (error instanceof ApiError && error.code === "rate_limited") {
      return { ok: false, error: "TooManyAttempts" };
    }
    throw error;
  }

  const csrf = await callNextAuth(
    "csrf",
    null,
    { method: "GET", cookies: {}, headers: requestHeaders },
    ip,
  );
  const csrfToken = (csrf.body as { csrfToken?: string } | undefined)?.csrfToken ?? "";
  const csrfCookies = Object.fromEntries(
    parseSetCookies(csrf.setCookies).map((c) => [c.name, c.value]),
  );

  const callback = await callNextAuth(
    "callback",
    "credentials",
    {
      method: "POST",
      headers: requestHeaders,
      cookies: {
        ...Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])),
        ...csrfCookies,
      },
      body: { csrfToken, email, password, json: "true" },
    },
    ip,
  );
  const url = (callback.body as { url?: string } | undefined)?.url ?? "";
  const error = URL.canParse(url) ? new URL(url).searchParams.get("error") : "Callback";
  if (callback.status !== 200 || error) return { ok: false, error: error ?? "CredentialsSignin" };

  // The session cookie (and next-auth's callback-url cookie) go back to the browser.
  for (const cookie of parseSetCookies(callback.setCookies)) jar.set(cookie);
  return { ok: true };
}
