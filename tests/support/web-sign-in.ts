// Signs in the way the web UI's script does (next-auth's CSRF token, then its credentials
// callback) and returns the session cookie, with the callback's answer for tests that need it.
import { inject } from "vitest";
import { randomClientIp } from "./api-client";

export async function webSignIn(
  email: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<{ cookie: string; url: string | undefined }> {
  const baseURL = inject("baseURL");
  // One client for both requests, apart from other tests' (rate limits are per address).
  const client = { "x-forwarded-for": randomClientIp() };
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers: client });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...client,
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookie,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", ...extra }),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => c?.startsWith("next-auth.session-token"))
    .join("; ");
  return { cookie, url: body.url };
}
