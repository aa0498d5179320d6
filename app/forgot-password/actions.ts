"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/api/client-ip";
import { ApiError } from "@/lib/api/errors";
import { ZPasswordResetRequestBodySchema } from "@/lib/auth/auth.types";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";

/**
 * The forgot-password form's action, with or without scripts: the same function, limits and
 * answer as POST /api/auth/password-reset. The outcome travels in the redirect's query.
 */
export async function requestPasswordResetAction(form: FormData): Promise<void> {
  const parsed = ZPasswordResetRequestBodySchema.safeParse({ email: form.get("email") });
  if (!parsed.success) redirect("/forgot-password?error=invalid_email");
  let outcome = "sent=1";
  try {
    await requestPasswordReset(parsed.data, clientIp(await headers()));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code !== "rate_limited" && error.code !== "mail_unavailable") throw error;
    outcome = `error=${error.code}`;
  }
  redirect(`/forgot-password?${outcome}`);
}
