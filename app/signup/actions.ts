"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { NextRequest } from "next/server";
import { requestOrigin } from "@/app/_lib/request-origin";
import { signInWithPassword } from "@/app/_lib/sign-in-with-password";
import { POST as register } from "@/app/api/auth/register/route";
import type { SignUpErrorCode } from "./sign-up-errors";

const FIELDS = ["email", "username", "displayName", "password"] as const;

type ErrorBody = { error?: { code?: string; details?: unknown } };

// Which field a refusal is about: the first path of a 400's details, or a 409's `field`.
function refusedField(details: unknown): string | undefined {
  if (Array.isArray(details)) {
    const path = (details[0] as { path?: unknown } | undefined)?.path;
    return typeof path === "string" ? path.split(".")[0] : undefined;
  }
  const field = (details as { field?: unknown } | null | undefined)?.field;
  return typeof field === "string" ? field : undefined;
}

function errorCode(status: number, code: string | undefined): SignUpErrorCode {
  if (code === "validation_failed") return "invalid";
  if (code === "conflict") return "taken";
  if (status === 429) return "rate_limited";
  return "failed";
}

/**
 * The sign-up form's action when scripts haven't run: a POST, never a GET with the password in
 * the URL. It goes through POST /api/auth/register itself (called in this process with this
 * request's headers), so validation, the sign-up rate limit and conflicts are the API's own,
 * then signs in as the script form does.
 */
export async function signUpAction(form: FormData): Promise<void> {
  const body = Object.fromEntries(
    FIELDS.map((f) => [f, typeof form.get(f) === "string" ? String(form.get(f)) : ""]),
  );
  body.email = body.email!.trim();

  const forwarded = new Headers(await headers());
  forwarded.set("content-type", "application/json");
  forwarded.delete("content-length");
  const res = await register(
    new NextRequest(new URL("/api/auth/register", await requestOrigin()), {
      method: "POST",
      headers: forwarded,
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  const answer = (await res.json().catch(() => ({}))) as ErrorBody & { username?: string };
  if (res.status !== 201 || !answer.username) {
    const params = new URLSearchParams({ error: errorCode(res.status, answer.error?.code) });
    const field = refusedField(answer.error?.details);
    if (field && (FIELDS as readonly string[]).includes(field)) params.set("field", field);
    redirect(`/signup?${params}`);
  }

  // A new account lands on /welcome (people to follow), not on its own empty profile.
  const welcome = "/welcome";
  const signedIn = await signInWithPassword(body.email, body.password!);
  // The account exists either way; only the automatic sign-in may have failed.
  redirect(signedIn.ok ? welcome : `/signin?${new URLSearchParams({ callbackUrl: welcome })}`);
}
